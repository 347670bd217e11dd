package org.ov2onnx.convert.ops.shape;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ConcatConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, -3})
  void concatenatesAlongAnAxis(int axis) throws Exception {
    IrBuilder ir = new IrBuilder("concat");
    String a = ir.parameter("a", ElementType.F32, "2,3,4");
    String b = ir.parameter("b", ElementType.F32, "2,3,4");
    String c = ir.parameter("c", ElementType.F32, "2,3,4");
    ir.result(ir.op("Concat", 1, Map.of("axis", Integer.toString(axis)), a, b, c));
    OpCheck.of(ir, dir).run().assertUsesOp("Concat");
  }

  @Test
  void concatenatesIntegersOfDynamicLength() throws Exception {
    IrBuilder ir = new IrBuilder("concat_dyn");
    String a = ir.parameter("a", ElementType.I64, "?,2");
    String b = ir.constant("b", ElementType.I64, new long[] {1, 2}, 7, 8);
    ir.result(ir.op("Concat", 1, Map.of("axis", "-2"), a, b));
    OpCheck.of(ir, dir).shape("a", 3, 2).opset(13).run();
  }

  /** ONNX's Concat takes neither float8 nor 4-bit integers: they travel exactly in f16 and i8. */
  @ParameterizedTest
  @ValueSource(strings = {"f8e4m3", "f8e5m2", "i4", "u4"})
  void concatenatesTypesOnnxConcatDoesNotTake(String type) throws Exception {
    IrBuilder ir = new IrBuilder("concat_" + type);
    boolean f8 = type.startsWith("f8");
    String a = ir.parameter("a", ElementType.F32, "2,3");
    String b = ir.parameter("b", ElementType.F32, "1,3");
    Map<String, String> to = Map.of("destination_type", type);
    String narrowA = ir.op("Convert", 1, to, f8 ? a : ir.op("Round", 5, Map.of("mode", "half_to_even"), a));
    String narrowB = ir.op("Convert", 1, to, f8 ? b : ir.op("Round", 5, Map.of("mode", "half_to_even"), b));
    String cat = ir.op("Concat", 1, Map.of("axis", "0"), narrowA, narrowB);
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), cat));
    double lo = type.equals("i4") ? -8 : 0;
    double hi = type.equals("i4") ? 7 : f8 ? 4 : 15;
    OpCheck.of(ir, dir).opset(21).range("a", lo, hi).range("b", lo, hi).run().assertUsesOp("Concat");
  }
}
