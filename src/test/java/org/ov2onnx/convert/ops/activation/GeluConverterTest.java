package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class GeluConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"13,Erf", "19,Erf", "20,Gelu", "21,Gelu"})
  void version2IsErf(int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "Gelu", 2, Map.of(), ElementType.F32, -5, 5, opset).assertUsesOp(onnxOp);
  }

  @ParameterizedTest
  @CsvSource({"ERF,13,Erf", "erf,21,Gelu", "TANH,13,Tanh", "TANH,17,Tanh", "tanh,20,Gelu", "TANH,21,Gelu"})
  void version7Modes(String mode, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "Gelu", 7, Map.of("approximation_mode", mode), ElementType.F32, -5, 5, opset)
        .assertUsesOp(onnxOp);
  }
}
