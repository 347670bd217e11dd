package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class IsFiniteConverterTest {
  @TempDir Path dir;

  /** (f64 is left out: OpenVINO's CPU plugin turns f64 infinities into finite f32 values.) */
  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21", "f16,13", "f16,21"})
  void nanAndInfinities(String type, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    OpCheck.of(OpModels.unary("IsFinite", 10, Map.of(), t, "8"), dir)
        .input("x", OpModels.vector(t, OpModels.SPECIAL_FLOATS))
        .opset(opset).run().assertUsesOp("Not");
  }
}
