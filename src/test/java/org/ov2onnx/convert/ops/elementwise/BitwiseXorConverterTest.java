package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class BitwiseXorConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"boolean,13,Xor", "boolean,21,Xor", "i32,18,BitwiseXor", "i64,21,BitwiseXor", "u8,18,BitwiseXor", "i8,21,BitwiseXor"})
  void booleansAndIntegers(String type, int opset, String onnxOp) throws Exception {
    OpModels.checkBinary(dir, "BitwiseXor", 13, ElementType.fromOvName(type), -100, 100, opset).assertUsesOp(onnxOp);
  }

  @Test
  void refusesIntegersBeforeOpset18() throws Exception {
    OpModels.assertRefused(OpModels.binary("BitwiseXor", 13, "numpy", ElementType.I32, "3", "3"), dir, 17, "opset 18");
  }
}
