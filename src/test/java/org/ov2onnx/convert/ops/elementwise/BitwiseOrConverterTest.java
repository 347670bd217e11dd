package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class BitwiseOrConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"boolean,13,Or", "boolean,21,Or", "i32,18,BitwiseOr", "i64,21,BitwiseOr", "u8,18,BitwiseOr", "i8,21,BitwiseOr"})
  void booleansAndIntegers(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkBinary(dir, "BitwiseOr", 13, ElementType.fromOvName(type), -100, 100, opset).assertUsesOp(onnxOp);
  }

  @Test
  void refusesIntegersBeforeOpset18() throws Exception {
    OpModels.assertRefused(OpModels.binary("BitwiseOr", 13, "numpy", ElementType.I32, "3", "3"), dir, 17, "opset 18");
  }
}
