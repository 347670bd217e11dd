package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SpaceToBatchConverterTest {
  @TempDir Path dir;

  @Test
  void fourDimensionsWithPads() throws Exception {
    IrBuilder ir = new IrBuilder("s2b");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,3");
    ir.result(ir.op("SpaceToBatch", 2, Map.of(), x, ir.ints("block", 1, 1, 2, 3), ir.ints("begin", 0, 0, 1, 2),
        ir.ints("end", 0, 0, 1, 1)));
    OpCheck.of(ir, dir).run().assertUsesOp("Pad");
  }

  @Test
  void blockOnChannelsWithADynamicBatch() throws Exception {
    IrBuilder ir = new IrBuilder("s2b_dyn");
    String x = ir.parameter("x", ElementType.I32, "?,4,5");
    ir.result(ir.op("SpaceToBatch", 2, Map.of(), x, ir.ints("block", 1, 2, 3), ir.ints("begin", 0, 0, 1),
        ir.ints("end", 0, 2, 0)));
    OpCheck.of(ir, dir).shape("x", 3, 4, 5).run();
  }
}
