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

class RangeConverterTest {
  @TempDir Path dir;

  private static IrBuilder range(String name, int version, Map<String, String> attrs, ElementType type, double start, double stop,
      double step) {
    IrBuilder ir = new IrBuilder(name);
    ir.result(ir.op("Range", version, attrs, ir.constant("start", type, new long[0], start),
        ir.constant("stop", type, new long[0], stop), ir.constant("step", type, new long[0], step)));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v1Floats(int opset) throws Exception {
    OpCheck.of(range("range_f", 1, Map.of(), ElementType.F32, 0.5, 3.7, 0.9), dir).opset(opset).run().assertUsesOp("Range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64"})
  void v1Integers(String type) throws Exception {
    OpCheck.of(range("range_i", 1, Map.of(), ElementType.fromOvName(type), 10, -3, -4), dir).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64", "f32", "f16"})
  void v4FloatInputsAreConvertedToTheOutputTypeFirst(String type) throws Exception {
    OpCheck.of(range("range4", 4, Map.of("output_type", type), ElementType.F32, -1.5, 3.2, 1.2), dir).run();
  }

  @Test
  void v4StepTruncatedToAnIntegerOutput() throws Exception {
    OpCheck.of(range("range4_trunc", 4, Map.of("output_type", "i32"), ElementType.F32, 2.9, 7.1, 1.5), dir).run();
  }

  @Test
  void v4IntegerInputsToFloat() throws Exception {
    OpCheck.of(range("range4_if", 4, Map.of("output_type", "f32"), ElementType.I32, 1, 10, 3), dir).run();
  }

  @Test
  void v4DynamicInputs() throws Exception {
    IrBuilder ir = new IrBuilder("range4_dyn");
    String stop = ir.parameter("stop", ElementType.I64, "");
    ir.result(ir.op("Range", 4, Map.of("output_type", "i32"), ir.constant("start", ElementType.I64, new long[0], 2), stop,
        ir.constant("step", ElementType.I64, new long[0], 1)));
    OpCheck.of(ir, dir).range("stop", 3, 9).run();
  }
}
