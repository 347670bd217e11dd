package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SliceScatterConverterTest {
  @TempDir Path dir;

  @Test
  void withAxesAndSteps() throws Exception {
    IrBuilder ir = new IrBuilder("slicescatter");
    String x = ir.parameter("x", ElementType.F32, "4,5,6");
    String u = ir.parameter("u", ElementType.F32, "4,2,2");
    ir.result(ir.op("SliceScatter", 15, Map.of(), x, u, ir.ints("start", 1, -1), ir.ints("stop", 5, 0), ir.ints("step", 2, -3),
        ir.ints("axes", 1, 2)));
    OpCheck.of(ir, dir).run().assertUsesOp("ScatterElements");
  }

  @Test
  void withoutAxesOnADynamicInput() throws Exception {
    IrBuilder ir = new IrBuilder("slicescatter_dyn");
    String x = ir.parameter("x", ElementType.I32, "?,3");
    String u = ir.parameter("u", ElementType.I32, "2,2");
    ir.result(ir.op("SliceScatter", 15, Map.of(), x, u, ir.ints("start", 0, 1), ir.ints("stop", 4, 3), ir.ints("step", 2, 1)));
    OpCheck.of(ir, dir).shape("x", 4, 3).run();
  }
}
