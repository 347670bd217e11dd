package org.ov2onnx.convert.ops.misc;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * The misc family: CumSum, Einsum, ScaledDotProductAttention. (Interpolate, DepthToSpace,
 * SpaceToDepth and ShuffleChannels are not converted yet.)
 */
public final class MiscConverters {
  private MiscConverters() {}

  public static List<OpConverter> all() {
    return List.of(new CumSumConverter(), new EinsumConverter(), new ScaledDotProductAttentionConverter());
  }
}
