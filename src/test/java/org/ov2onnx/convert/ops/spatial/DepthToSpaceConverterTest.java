package org.ov2onnx.convert.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class DepthToSpaceConverterTest {
  @TempDir Path dir;

  static IrBuilder model(String op, String shape, String mode, int block) {
    IrBuilder ir = new IrBuilder(op.toLowerCase());
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op(op, 1, Map.of("mode", mode, "block_size", Integer.toString(block)), x));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "2|8|3|4, blocks_first, 2, 13",
    "2|8|3|4, depth_first, 2, 21",
    "1|18|2|3, blocks_first, 3, 17",
    "2|6|5, blocks_first, 2, 17",
    "2|6|5, depth_first, 3, 17",
    "1|16|2|3|2, blocks_first, 2, 13",
    "1|16|2|3|2, depth_first, 2, 21",
  })
  void variants(String shape, String mode, int block, int opset) throws Exception {
    OpCheck.of(model("DepthToSpace", shape.replace('|', ','), mode, block), dir).opset(opset).run();
  }

  @Test
  void dynamicBatchIn5d() throws Exception {
    OpCheck.of(model("DepthToSpace", "?,16,2,3,2", "depth_first", 2), dir).shape("x", 2, 16, 2, 3, 2).run()
        .assertUsesOp("Transpose");
  }

  @Test
  void dynamicSpatialIn4dUsesTheOnnxOperator() throws Exception {
    OpCheck.of(model("DepthToSpace", "?,8,?,?", "blocks_first", 2), dir).shape("x", 1, 8, 3, 2).run()
        .assertUsesOp("DepthToSpace");
  }

  @Test
  void dynamicSpatialIn5dIsRefused() {
    assertThrows(ConversionException.class,
        () -> OpCheck.of(model("DepthToSpace", "1,16,?,3,2", "depth_first", 2), dir).shape("x", 1, 16, 2, 3, 2).run());
  }
}
