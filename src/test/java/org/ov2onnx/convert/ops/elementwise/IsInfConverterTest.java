package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class IsInfConverterTest {
  @TempDir Path dir;

  /** (f64 is left out: OpenVINO's CPU plugin turns f64 infinities into finite f32 values.) */
  @ParameterizedTest
  @CsvSource({
    "f32,true,true,13", "f32,true,false,17", "f32,false,true,21", "f32,false,false,17",
    "f16,true,true,13", "f16,false,true,21"
  })
  void detectsTheChosenInfinities(String type, boolean negative, boolean positive, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    Map<String, String> attrs = Map.of("detect_negative", Boolean.toString(negative), "detect_positive", Boolean.toString(positive));
    OpCheck.of(OpModels.unary("IsInf", 10, attrs, t, "8"), dir)
        .input("x", OpModels.vector(t, OpModels.SPECIAL_FLOATS))
        .opset(opset).run().assertUsesOp("IsInf");
  }
}
