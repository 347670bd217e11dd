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

class ShapeOfConverterTest {
  @TempDir Path dir;

  @Test
  void v1GivesInt64() throws Exception {
    IrBuilder ir = new IrBuilder("shapeof1");
    String x = ir.parameter("x", ElementType.F32, "2,?,4");
    ir.result(ir.op("ShapeOf", 1, Map.of(), x));
    OpCheck.of(ir, dir).shape("x", 2, 5, 4).run().assertUsesOp("Shape");
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64"})
  void v3OutputType(String type) throws Exception {
    IrBuilder ir = new IrBuilder("shapeof3");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("ShapeOf", 3, Map.of("output_type", type), x));
    OpCheck.of(ir, dir).run();
  }
}
