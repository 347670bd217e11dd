package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * Multiply(x, s) → Add(·, b) with one-value or per-channel f32 constants is one
 * BatchNormalization; every pair that is not that (or whose product is needed elsewhere) stays two
 * nodes. Each case is checked against OpenVINO.
 */
class ChannelAffineFusionTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /**
   * x's shape and type, the scale's and bias's shapes ("-" for the bias: a second parameter), whether
   * the product is also a model output, and the expected ONNX op types.
   */
  @ParameterizedTest(name = "{0} {1} scale {2} bias {3} shared {4}")
  @CsvSource({
    "2 3 4 5,f32,1,1,false,BatchNormalization",
    "2 3 4 5,f32,1 3 1 1,3 1 1,false,BatchNormalization",
    "2 3,f32,3,1,false,BatchNormalization",
    "2 3 4 5,f32,1 1 1 5,1,false,Mul Add",
    "2 3 4 5,f32,1,1 1 4 1,false,Mul Add",
    "2 3 4 5,f32,1,1,true,Mul Add",
    "2 3 4 5,f32,1,-,false,Mul Add",
    "2 3 4 5,f32,2 1 1 1 1,1,false,Mul Add",
    "5,f32,1,1,false,Mul Add",
    "2 3 4 5,f16,1,1,false,Mul Add"
  })
  void pairs(String xShape, String type, String scaleShape, String biasShape, boolean shared, String expected)
      throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("affine");
    String x = ir.parameter("x", t, xShape.replace(' ', ','));
    String product = ir.op("Multiply", 1, NUMPY, constant(ir, "s", t, scaleShape, 0.75), x);
    String b = biasShape.equals("-") ? ir.parameter("b", t, "1") : constant(ir, "b", t, biasShape, -0.25);
    ir.result(ir.op("Add", 1, NUMPY, product, b));
    if (shared) {
      ir.result(product);
    }
    var out = OpCheck.of(ir, dir).range("x", -4, 4).run();
    assertEquals(List.of(expected.split(" ")), out.opTypes());
  }

  /** A constant of {@code shape} whose values step from {@code first} by 0.5 (so channels differ). */
  private static String constant(IrBuilder ir, String name, ElementType t, String shape, double first) {
    String[] dims = shape.split(" ");
    long[] s = new long[dims.length];
    int n = 1;
    for (int i = 0; i < dims.length; i++) {
      s[i] = Long.parseLong(dims[i]);
      n *= (int) s[i];
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = first + 0.5 * i;
    }
    return ir.constant(name, t, s, v);
  }
}
