package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class SoftPlusConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13,Softplus", "f32,21,Softplus"})
  void matchesOpenVino(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "SoftPlus", 4, Map.of(), ElementType.fromOvName(type), -30, 30, opset).assertUsesOp(onnxOp);
  }
}
