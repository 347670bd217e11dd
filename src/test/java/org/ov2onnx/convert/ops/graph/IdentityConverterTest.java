package org.ov2onnx.convert.ops.graph;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class IdentityConverterTest {
  @TempDir Path dir;

  @Test
  void passesInputsThroughWhateverTheType() throws Exception {
    IrBuilder ir = new IrBuilder("identity");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String ids = ir.parameter("ids", ElementType.I64, "4");
    ir.result(ir.op("Identity", 16, Map.of(), x));
    ir.result(ir.op("Identity", 16, Map.of(), ids));
    OpCheck.of(ir, dir).run().assertUsesOp("Identity");
  }
}
