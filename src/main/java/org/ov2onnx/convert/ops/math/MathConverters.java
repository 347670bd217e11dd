package org.ov2onnx.convert.ops.math;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Elementwise and linear-algebra operations and local normalizations added for full coverage: Eye, GRN, LRN, Selu, Xor. */
public final class MathConverters {
  private MathConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new EyeConverter(),
        new GrnConverter(),
        new LrnConverter(),
        new SeluConverter(),
        new XorConverter());
  }
}
