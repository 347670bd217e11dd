package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class AbsConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13,Abs", "f32,21,Abs", "i32,17,Abs", "i64,17,Abs"})
  void matchesOpenVino(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "Abs", 1, Map.of(), ElementType.fromOvName(type), -50, 50, opset).assertUsesOp(onnxOp);
  }
}
