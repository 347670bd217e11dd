package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class PowerConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"13", "21"})
  void floats(int opset) throws Exception {
    OpCheck.of(OpModels.binary("Power", 1, "numpy", ElementType.F32, "3,4", "4"), dir)
        .range("x", 0.1, 4).range("y", -2, 3).opset(opset).run().assertUsesOp("Pow");
  }

  @ParameterizedTest
  @CsvSource({"i32", "i64"})
  void integersWithNegativeBases(String type) throws Exception {
    OpCheck.of(OpModels.binary("Power", 1, "numpy", ElementType.fromOvName(type), "3,4", "4"), dir)
        .range("x", -6, 6).range("y", 0, 4).run();
  }

  @Test
  void refusesTypesOnnxPowLacks() throws Exception {
    OpModels.assertRefused(OpModels.binary("Power", 1, "numpy", ElementType.U8, "3", "3"), dir, 21, "element type u8");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("Power", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
  }
}
