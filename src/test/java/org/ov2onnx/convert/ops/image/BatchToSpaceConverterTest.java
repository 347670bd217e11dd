package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class BatchToSpaceConverterTest {
  @TempDir Path dir;

  @Test
  void fourDimensionsWithCrops() throws Exception {
    IrBuilder ir = new IrBuilder("b2s");
    String x = ir.parameter("x", ElementType.F32, "12,3,2,3");
    ir.result(ir.op("BatchToSpace", 2, Map.of(), x, ir.ints("block", 1, 1, 2, 3), ir.ints("begin", 0, 0, 1, 2),
        ir.ints("end", 0, 0, 1, 1)));
    OpCheck.of(ir, dir).run().assertUsesOp("Slice");
  }

  @Test
  void blockOnChannelsWithADynamicBatch() throws Exception {
    IrBuilder ir = new IrBuilder("b2s_dyn");
    String x = ir.parameter("x", ElementType.I64, "?,4,5");
    ir.result(ir.op("BatchToSpace", 2, Map.of(), x, ir.ints("block", 1, 2, 3), ir.ints("begin", 0, 0, 1),
        ir.ints("end", 0, 2, 0)));
    OpCheck.of(ir, dir).shape("x", 12, 4, 5).run();
  }
}
