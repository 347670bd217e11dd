package org.ov2onnx.convert.ops.activation;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * The activation family: Relu, PRelu, Elu, Gelu, Swish, HSwish, HSigmoid, HardSigmoid, Mish,
 * SoftPlus, SoftSign, Sigmoid, Tanh, Clamp, Exp, Log, Sqrt, Erf, Abs, Sign, Floor, Ceiling, Round.
 */
public final class ActivationConverters {
  private ActivationConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new AbsConverter(),
        new CeilingConverter(),
        new ClampConverter(),
        new EluConverter(),
        new ErfConverter(),
        new ExpConverter(),
        new FloorConverter(),
        new GeluConverter(),
        new HSigmoidConverter(),
        new HSwishConverter(),
        new HardSigmoidConverter(),
        new LogConverter(),
        new MishConverter(),
        new PReluConverter(),
        new ReluConverter(),
        new RoundConverter(),
        new SigmoidConverter(),
        new SignConverter(),
        new SoftPlusConverter(),
        new SoftSignConverter(),
        new SqrtConverter(),
        new SwishConverter(),
        new TanhConverter());
  }
}
