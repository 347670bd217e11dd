package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class ReluConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13,Relu", "f32,21,Relu", "i32,14,Relu", "i32,21,Relu"})
  void matchesOpenVino(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "Relu", 1, Map.of(), ElementType.fromOvName(type), -5, 5, opset).assertUsesOp(onnxOp);
  }

  @Test
  void refusesIntegersBeforeOpset14() throws Exception {
    OpModels.assertRefused(OpModels.unary("Relu", 1, Map.of(), ElementType.I32, "4"), dir, 13, "opset 13");
  }
}
