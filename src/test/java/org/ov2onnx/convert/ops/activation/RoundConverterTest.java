package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class RoundConverterTest {
  private static final double[] TIES_AND_MORE = {
    -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, -3.5, 4194303.5, -4194303.5, 2.4, -2.6, 0.51, 0, -0.0, 7.75
  };

  /** Just below one half: OpenVINO's CPU plugin rounds these away from zero, its reference does not. */
  private static final double[] NEAR_TIES = {0.49999997, -0.49999997, 2.4999998, -1.4999999, 0.5, -0.5};

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"half_to_even,13", "half_to_even,21", "half_away_from_zero,13", "half_away_from_zero,21"})
  void tiesAndNearTies(String mode, int opset) throws Exception {
    OpCheck.of(OpModels.unary("Round", 5, Map.of("mode", mode), ElementType.F32, "16"), dir)
        .input("x", OpModels.vector(ElementType.F32, TIES_AND_MORE)).opset(opset).run().assertUsesOp("Round");
  }

  @ParameterizedTest
  @CsvSource({"half_to_even,13", "half_away_from_zero,13", "half_away_from_zero,21"})
  void nearTiesAsConstants(String mode, int opset) throws Exception {
    OpCheck.of(OpModels.unaryOfConstant("Round", 5, Map.of("mode", mode), ElementType.F32, NEAR_TIES), dir)
        .opset(opset).run();
  }

  @ParameterizedTest
  @CsvSource({"half_to_even", "half_away_from_zero"})
  void randomFloatsAndIntegers(String mode) throws Exception {
    OpModels.checkUnary(dir, "Round", 5, Map.of("mode", mode), ElementType.F32, -20, 20, 17);
    OpModels.checkUnary(dir.resolve("i32"), "Round", 5, Map.of("mode", mode), ElementType.I32, -20, 20, 17)
        .assertUsesOp("Identity");
  }
}
