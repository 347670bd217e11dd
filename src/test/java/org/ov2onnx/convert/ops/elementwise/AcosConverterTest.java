package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class AcosConverterTest {
  @TempDir Path dir;

  /** (ONNX Runtime implements it for f32 only.) */
  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21"})
  void floats(String type, int opset) throws Exception {
    OpModels.checkUnary(dir, "Acos", 1, Map.of(), ElementType.fromOvName(type), -0.99, 0.99, opset).assertUsesOp("Acos");
  }

  @Test
  void refusesIntegers() throws Exception {
    OpModels.assertRefused(OpModels.unary("Acos", 1, Map.of(), ElementType.I32, "4"), dir, 17, "element type i32");
  }
}
