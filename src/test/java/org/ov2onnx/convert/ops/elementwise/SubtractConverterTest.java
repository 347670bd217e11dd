package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class SubtractConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21", "i32,13", "i64,17", "i8,14"})
  void broadcastsNumpyStyle(String type, int opset) throws Exception {
    OpModels.checkBinary(dir, "Subtract", 1, ElementType.fromOvName(type), -20, 20, opset).assertUsesOp("Sub");
  }

  @Test
  void refusesNarrowIntegersAtOpset13() throws Exception {
    OpModels.assertRefused(OpModels.binary("Subtract", 1, "numpy", ElementType.I8, "3", "3"), dir, 13, "opset 13");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("Subtract", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
  }
}
