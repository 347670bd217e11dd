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

class SliceConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void withAxes(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("slice");
    String x = ir.parameter("x", ElementType.F32, "4,5,6");
    ir.result(ir.op("Slice", 8, Map.of(), x, ir.ints("start", -1, 1), ir.ints("stop", -100, 5), ir.ints("step", -2, 2),
        ir.ints("axes", 2, 0)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Slice");
  }

  @Test
  void withoutAxesAndInt32Inputs() throws Exception {
    IrBuilder ir = new IrBuilder("slice_noaxes");
    String x = ir.parameter("x", ElementType.F32, "4,5");
    ir.result(ir.op("Slice", 8, Map.of(), x, ir.constant("start", ElementType.I32, new long[] {2}, 1, 0),
        ir.constant("stop", ElementType.I32, new long[] {2}, 3, 100), ir.constant("step", ElementType.I32, new long[] {2}, 1, 3)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void dynamicBounds() throws Exception {
    IrBuilder ir = new IrBuilder("slice_dyn");
    String x = ir.parameter("x", ElementType.F32, "6,5");
    String start = ir.parameter("start", ElementType.I64, "1");
    ir.result(ir.op("Slice", 8, Map.of(), x, start, ir.ints("stop", 5), ir.ints("step", 1), ir.ints("axes", 0)));
    OpCheck.of(ir, dir).range("start", 0, 3).run();
  }
}
