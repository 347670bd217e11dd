package org.ov2onnx.convert.ops.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
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

  /** Below opset 20 the erf formula is written as ONNX Runtime's optimizer recognises it: one Gelu kernel. */
  @ParameterizedTest
  @CsvSource({"2,ERF,13", "7,ERF,17", "7,erf,19"})
  void onnxRuntimeFusesTheErfFormulaIntoOneGelu(int version, String mode, int opset) throws Exception {
    Map<String, String> attrs = version == 7 ? Map.of("approximation_mode", mode) : Map.of();
    var out = OpModels.checkUnary(dir, "Gelu", version, attrs, ElementType.F32, -5, 5, opset).assertUsesOp("Erf");
    Path optimized = dir.resolve("optimized.onnx");
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT); // ONNX Runtime's default
      so.setOptimizedModelFilePath(optimized.toString());
      OrtEnvironment.getEnvironment().createSession(out.onnx().toString(), so).close();
    }
    List<String> ops = ModelProto.parseFrom(Files.readAllBytes(optimized)).getGraph().getNodeList().stream()
        .map(NodeProto::getOpType).toList();
    assertEquals(List.of("Gelu"), ops);
  }
}
