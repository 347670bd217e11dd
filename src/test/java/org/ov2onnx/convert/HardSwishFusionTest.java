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
 * x · clamp(x + 3, 0, 6) / 6 is one HardSwish, and every variation that is not that function (or
 * whose intermediate values are needed elsewhere) is left alone; each case is checked against
 * OpenVINO on x over [-8, 8], so both bounds of the clamp are exercised.
 */
class HardSwishFusionTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /**
   * One chain per row. variant: plain (the chain as OpenVINO's ONNX reader writes it, constants
   * first), swapped (x and constants second), clamp (Clamp instead of Maximum → Minimum), sixth
   * (Multiply by 1/6 instead of Divide by 6), add2 (x + 2), minfirst (Minimum before Maximum),
   * other (the Multiply reads another tensor than x), shared (the clamped value is also a model
   * output), numerator (6 / m), vector3 (the 3 is a per-channel constant), scaled (the Multiply
   * reads x + 3, not x). Integer chains are never fused (scalar operands must be f32 or f16); they
 * are not checked here, because OpenVINO's CPU plugin itself fuses an i32 chain into its HSwish
 * and so does not compute the IR's integer division.
   */
  @ParameterizedTest(name = "{0} {1} opset {2}")
  @CsvSource({
    "plain,f32,17,HardSwish",
    "plain,f16,17,HardSwish",
    "plain,f32,13,HardSigmoid Mul",
    "swapped,f32,17,HardSwish",
    "clamp,f32,17,HardSwish",
    "sixth,f32,17,HardSwish",
    "add2,f32,17,Add Clip Mul Div",
    "minfirst,f32,17,Add Min Max Mul Div",
    "other,f32,17,Add Clip Mul Div",
    "shared,f32,17,Add Clip Mul Div",
    "numerator,f32,17,Add Clip Mul Div",
    "vector3,f32,17,Add Clip Mul Div",
    "scaled,f32,17,Add Clip Mul Div"
  })
  void chains(String variant, String type, int opset, String expected) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("hswish");
    String x = ir.parameter("x", t, "2,3,4,5");
    boolean swapped = variant.equals("swapped");
    String three = variant.equals("vector3") ? ir.constant("three", t, new long[] {1, 3, 1, 1}, 3, 3, 3)
        : ir.constant("three", t, new long[0], variant.equals("add2") ? 2 : 3);
    String a = binary(ir, "Add", swapped, x, three);
    String c;
    if (variant.equals("clamp")) {
      c = ir.op("Clamp", 1, Map.of("min", "0", "max", "6"), a);
    } else if (variant.equals("minfirst")) {
      String lo = binary(ir, "Minimum", false, a, ir.constant("six", t, new long[0], 6));
      c = binary(ir, "Maximum", false, lo, ir.constant("zero", t, new long[0], 0));
    } else {
      String lo = binary(ir, "Maximum", swapped, a, ir.constant("zero", t, new long[0], 0));
      c = binary(ir, "Minimum", swapped, lo, ir.constant("six", t, new long[0], 6));
    }
    String factor = switch (variant) {
      case "other" -> ir.parameter("y", t, "2,3,4,5");
      case "scaled" -> a;
      default -> x;
    };
    String m = ir.op("Multiply", 1, NUMPY, swapped ? c : factor, swapped ? factor : c);
    String y;
    if (variant.equals("sixth")) {
      y = ir.op("Multiply", 1, NUMPY, m, ir.constant("sixth", t, new long[0], (float) (1.0 / 6)));
    } else if (variant.equals("numerator")) {
      y = ir.op("Divide", 1, NUMPY, ir.constant("six2", t, new long[0], 6), m);
    } else {
      y = ir.op("Divide", 1, NUMPY, m, ir.constant("six2", t, new long[0], 6));
    }
    ir.result(y);
    if (variant.equals("shared")) {
      ir.result(c);
    }
    OpCheck check = OpCheck.of(ir, dir).opset(opset).range("x", -8, 8).range("y", -8, 8);
    if (variant.equals("numerator")) {
      check.range("x", 0.5, 8); // keeps m away from 0
    }
    if (t == ElementType.F16) {
      check.tolerance(1e-2, 1e-2);
    }
    var out = check.run();
    assertEquals(List.of(expected.split(" ")), out.opTypes());
  }

  /** {@code type(v, constant)} when {@code valueFirst}, else {@code type(constant, v)}. */
  private static String binary(IrBuilder ir, String type, boolean valueFirst, String v, String constant) {
    return valueFirst ? ir.op(type, 1, NUMPY, v, constant) : ir.op(type, 1, NUMPY, constant, v);
  }
}
