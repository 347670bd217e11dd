package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;

class LogicalXorConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"boolean,13", "boolean,21"})
  void broadcastsNumpyStyle(String type, int opset) throws Exception {
    OpModels.checkBinary(dir, "LogicalXor", 1, ElementType.fromOvName(type), -20, 20, opset).assertUsesOp("Xor");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("LogicalXor", 1, "pdpd", ElementType.BOOLEAN, "2,3", "2"), dir, 17, "pdpd");
  }
}
