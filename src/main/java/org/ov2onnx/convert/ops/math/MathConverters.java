package org.ov2onnx.convert.ops.math;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Elementwise and linear-algebra operations and local normalizations added for full coverage: ConvertPromoteTypes, Eye, GRN, Inverse, LRN, Selu, Xor. */
public final class MathConverters {
  private MathConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new ConvertPromoteTypesConverter(),
        new EyeConverter(),
        new GrnConverter(),
        new InverseConverter(),
        new LrnConverter(),
        new SeluConverter(),
        new XorConverter());
  }
}
