package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class BitwiseNotConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"boolean,13,Not", "boolean,21,Not", "i32,18,BitwiseNot", "i64,21,BitwiseNot", "u8,18,BitwiseNot", "i8,21,BitwiseNot"})
  void booleansAndIntegers(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkUnary(dir, "BitwiseNot", 13, Map.of(), ElementType.fromOvName(type), -100, 100, opset).assertUsesOp(onnxOp);
  }

  @Test
  void refusesIntegersBeforeOpset18() throws Exception {
    OpModels.assertRefused(OpModels.unary("BitwiseNot", 13, Map.of(), ElementType.I32, "3"), dir, 17, "opset 18");
  }
}
