package org.ov2onnx.convert.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ov2onnx.convert.ops.spatial.DepthToSpaceConverterTest.model;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.testing.OpCheck;

class SpaceToDepthConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "2|3|4|6, blocks_first, 2, 13, SpaceToDepth",
    "2|3|4|6, depth_first, 2, 21, Transpose",
    "1|2|6|3, blocks_first, 3, 17, SpaceToDepth",
    "2|3|6, blocks_first, 2, 17, Transpose",
    "2|3|6, depth_first, 3, 17, Transpose",
    "1|2|4|2|6, blocks_first, 2, 13, Transpose",
    "1|2|4|2|6, depth_first, 2, 21, Transpose",
  })
  void variants(String shape, String mode, int block, int opset, String uses) throws Exception {
    OpCheck.of(model("SpaceToDepth", shape.replace('|', ','), mode, block), dir).opset(opset).run().assertUsesOp(uses);
  }

  @Test
  void dynamicSpatialDepthFirstIsRefused() {
    assertThrows(ConversionException.class,
        () -> OpCheck.of(model("SpaceToDepth", "1,2,?,4", "depth_first", 2), dir).shape("x", 1, 2, 4, 4).run());
  }
}
