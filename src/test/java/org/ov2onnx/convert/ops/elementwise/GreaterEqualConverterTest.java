package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class GreaterEqualConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21", "i32,13", "i64,21"})
  void broadcastsNumpyStyle(String type, int opset) throws Exception {
    OpModels.checkBinary(dir, "GreaterEqual", 1, ElementType.fromOvName(type), -20, 20, opset).assertUsesOp("GreaterOrEqual");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("GreaterEqual", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
  }
}
