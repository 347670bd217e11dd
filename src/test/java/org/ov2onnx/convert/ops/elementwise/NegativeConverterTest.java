package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class NegativeConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21", "i32,17", "i64,17"})
  void negates(String type, int opset) throws Exception {
    OpModels.checkUnary(dir, "Negative", 1, Map.of(), ElementType.fromOvName(type), -50, 50, opset).assertUsesOp("Neg");
  }

  @Test
  void refusesUnsignedTypes() throws Exception {
    OpModels.assertRefused(OpModels.unary("Negative", 1, Map.of(), ElementType.U8, "4"), dir, 17, "element type u8");
  }
}
