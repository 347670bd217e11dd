package org.ov2onnx.convert.ops.misc;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The misc family: Interpolate, DepthToSpace, SpaceToDepth, ShuffleChannels, CumSum, Einsum, ScaledDotProductAttention. */
public final class MiscConverters {
  private MiscConverters() {}

  public static List<OpConverter> all() {
    return List.of();
  }
}
