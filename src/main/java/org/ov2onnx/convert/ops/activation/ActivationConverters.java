package org.ov2onnx.convert.ops.activation;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The activation family: Relu, PRelu, Elu, Gelu, Swish, HSwish, HSigmoid, Mish, SoftPlus, SoftSign, Sigmoid, Tanh, Clamp, Exp, Log, Sqrt, Erf, Abs, Sign, Floor, Ceiling, Round. */
public final class ActivationConverters {
  private ActivationConverters() {}

  public static List<OpConverter> all() {
    return List.of();
  }
}
