package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class AddConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 17, 21})
  void floatsBroadcastNumpyStyle(int opset) throws Exception {
    OpCheck.of(OpModels.binary("Add", 1, "numpy", ElementType.F32, "2,3,4", "3,1"), dir)
        .opset(opset).run().assertUsesOp("Add");
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64", "i8", "f16"})
  void otherTypes(String type) throws Exception {
    OpCheck.of(OpModels.binary("Add", 1, "numpy", ElementType.fromOvName(type), "2,5", "5"), dir)
        .opset(14).range("x", -60, 60).range("y", -60, 60).run();
  }

  /** OpenVINO's CPU plugin saturates u8 sums; its reference (constant folding) wraps, as ONNX does. */
  @Test
  void unsignedBytesWrapAsInTheReference() throws Exception {
    OpCheck.of(OpModels.binary("Add", 1, "numpy", ElementType.U8, "2,5", "5"), dir)
        .opset(14).range("x", 0, 120).range("y", 0, 120).run();
    double[] x = {200, 255, 1, 128, 100};
    OpCheck.of(OpModels.binaryOfConstants("Add", 1, Map.of("auto_broadcast", "numpy"), ElementType.U8, x, x), dir.resolve("c"))
        .opset(14).run();
  }

  @Test
  void noBroadcastAndEqualShapesUnderPdpd() throws Exception {
    OpCheck.of(OpModels.binary("Add", 1, "none", ElementType.F32, "2,3", "2,3"), dir).run();
    OpCheck.of(OpModels.binary("Add", 1, "pdpd", ElementType.F32, "4,3", "4,3"), dir.resolve("pdpd")).run();
  }

  @Test
  void refusesPdpdBroadcastingAndNarrowIntegersAtOpset13() throws Exception {
    OpModels.assertRefused(
        OpModels.binary("Add", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
    OpModels.assertRefused(OpModels.binary("Add", 1, "numpy", ElementType.I8, "3", "3"), dir.resolve("i8"), 13, "opset 13");
  }
}
