package org.ov2onnx.convert.ops.math;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Elementwise and linear-algebra operations added for full coverage: Selu, Xor. */
public final class MathConverters {
  private MathConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new SeluConverter(),
        new XorConverter());
  }
}
