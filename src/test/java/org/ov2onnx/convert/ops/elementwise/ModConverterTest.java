package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class ModConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"i32,13", "i64,21", "i8,17", "f32,13", "f32,21", "f64,17"})
  void remainderTakesTheDividendsSign(String type, int opset) throws Exception {
    OpModels.checkSignedOperands(dir, "Mod", ElementType.fromOvName(type), opset).assertUsesOp("Mod");
  }

  @Test
  void randomFloatsWithBroadcast() throws Exception {
    OpCheck.of(OpModels.binary("Mod", 1, "numpy", ElementType.F32, "3,4", "4"), dir)
        .range("x", -20, 20).input("y", OpModels.vector(ElementType.F32, -2.5, 1.5, 3.25, -0.75)).run();
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("Mod", 1, "pdpd", ElementType.I32, "2,3", "2"), dir, 17, "pdpd");
  }
}
