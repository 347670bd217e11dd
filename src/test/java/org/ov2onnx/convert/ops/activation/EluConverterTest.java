package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;

class EluConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0.5,13", "1.0,17", "2.5,21"})
  void alpha(double alpha, int opset) throws Exception {
    OpModels.checkUnary(dir, "Elu", 1, Map.of("alpha", Double.toString(alpha)), ElementType.F32, -5, 5, opset)
        .assertUsesOp("Elu");
  }
}
