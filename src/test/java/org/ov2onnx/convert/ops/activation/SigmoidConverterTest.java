package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class SigmoidConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13,Sigmoid", "f32,21,Sigmoid"})
  void matchesOpenVino(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "Sigmoid", 1, Map.of(), ElementType.fromOvName(type), -6, 6, opset).assertUsesOp(onnxOp);
  }

  @Test
  void refusesIntegers() throws Exception {
    OpModels.assertRefused(OpModels.unary("Sigmoid", 1, Map.of(), ElementType.fromOvName("i32"), "4"), dir, 17, "element type");
  }
}
