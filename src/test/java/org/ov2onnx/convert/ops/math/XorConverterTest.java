package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class XorConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"numpy, '3,1'", "none, '2,3,4'"})
  void xorWithBroadcast(String broadcast, String shapeOfB) throws Exception {
    IrBuilder ir = new IrBuilder("xor");
    String a = ir.parameter("a", ElementType.BOOLEAN, "2,3,4");
    String b = ir.parameter("b", ElementType.BOOLEAN, shapeOfB);
    ir.result(ir.op("Xor", 1, Map.of("auto_broadcast", broadcast), a, b));
    OpCheck.of(ir, dir).run().assertUsesOp("Xor");
  }
}
