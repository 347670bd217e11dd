package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class SoftSignConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13,Softsign", "f32,21,Softsign"})
  void matchesOpenVino(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "SoftSign", 9, Map.of(), ElementType.fromOvName(type), -10, 10, opset).assertUsesOp(onnxOp);
  }
}
