package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;

class LogicalNotConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void negatesBooleans(int opset) throws Exception {
    OpModels.checkUnary(dir, "LogicalNot", 1, Map.of(), ElementType.BOOLEAN, 0, 1, opset).assertUsesOp("Not");
  }
}
