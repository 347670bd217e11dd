package org.ov2onnx.convert.ops.elementwise;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The elementwise family: arithmetic, math, comparison, logical and bitwise operations. */
public final class ElementwiseConverters {
  private ElementwiseConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new AcosConverter(),
        new AcoshConverter(),
        new AddConverter(),
        new AsinConverter(),
        new AsinhConverter(),
        new AtanConverter(),
        new AtanhConverter(),
        new BitwiseAndConverter(),
        new BitwiseLeftShiftConverter(),
        new BitwiseNotConverter(),
        new BitwiseOrConverter(),
        new BitwiseRightShiftConverter(),
        new BitwiseXorConverter(),
        new CosConverter(),
        new CoshConverter(),
        new DivideConverter(),
        new EqualConverter(),
        new FloorModConverter(),
        new GreaterConverter(),
        new GreaterEqualConverter(),
        new IsFiniteConverter(),
        new IsInfConverter(),
        new IsNaNConverter(),
        new LessConverter(),
        new LessEqualConverter(),
        new LogicalAndConverter(),
        new LogicalNotConverter(),
        new LogicalOrConverter(),
        new LogicalXorConverter(),
        new MaximumConverter(),
        new MinimumConverter(),
        new ModConverter(),
        new MultiplyConverter(),
        new NegativeConverter(),
        new NotEqualConverter(),
        new PowerConverter(),
        new SinConverter(),
        new SinhConverter(),
        new SquaredDifferenceConverter(),
        new SubtractConverter(),
        new TanConverter());
  }
}
