package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class ClampConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,-1.5,2.5,13", "f32,0,6,21", "f32,-0.25,-0.25,17", "f16,-1.5,2.5,17"})
  void floats(String type, double min, double max, int opset) throws Exception {
    OpModels.checkUnary(dir, "Clamp", 1, bounds(min, max), ElementType.fromOvName(type), -5, 5, opset).assertUsesOp("Clip");
  }

  /** Integer bounds are ceil(min) and floor(max); bounds beyond the type clamp nothing. */
  @ParameterizedTest
  @CsvSource({"i32,-1.5,2.5,13", "i32,-3.9,3.9,21", "i64,-2.1,7.9,17", "u8,-5,100.5,17", "i8,-1e6,1e6,17",
      "i32,-1e20,4,17"})
  void integers(String type, double min, double max, int opset) throws Exception {
    OpModels.checkUnary(dir, "Clamp", 1, bounds(min, max), ElementType.fromOvName(type), -120, 120, opset)
        .assertUsesOp("Clip");
  }

  /**
   * A fractional min on 8-bit integers, as constants: OpenVINO's CPU plugin truncates such a min
   * (3.2 gives 3) where the specification and OpenVINO's reference take its ceiling (4).
   */
  @ParameterizedTest
  @CsvSource({"u8,3.2,1000,21", "i8,-2.5,5.5,13", "u8,0.5,200.9,17"})
  void fractionalBoundsOnBytes(String type, double min, double max, int opset) throws Exception {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 100, 127, -128, -3};
    ElementType t = ElementType.fromOvName(type);
    if (t == ElementType.U8) {
      x = new double[] {0, 1, 2, 3, 4, 5, 6, 7, 100, 200, 201, 255};
    }
    OpCheck.of(OpModels.unaryOfConstant("Clamp", 1, bounds(min, max), t, x), dir).opset(opset).run().assertUsesOp("Clip");
  }

  private static Map<String, String> bounds(double min, double max) {
    return Map.of("min", Double.toString(min), "max", Double.toString(max));
  }
}
