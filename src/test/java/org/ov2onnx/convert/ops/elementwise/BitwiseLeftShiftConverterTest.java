package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class BitwiseLeftShiftConverterTest {
  @TempDir Path dir;

  /** Shift amounts stay below 32: OpenVINO's CPU plugin runs i64 as i32. */
  @ParameterizedTest
  @CsvSource({"i32,-100,100,20,13", "i64,-1000,1000,20,21", "i8,-128,127,7,17", "i16,-3000,3000,15,17", "u8,0,255,7,13"})
  void shiftsAndWraps(String type, long lo, long hi, long maxShift, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    OpCheck.of(OpModels.binary("BitwiseLeftShift", 15, "numpy", t, "4,6", "6"), dir)
        .range("x", lo, hi).range("y", 0, maxShift).opset(opset).run().assertUsesOp("BitShift");
  }

  /**
   * Types ONNX Runtime's Java API cannot feed: constants. The results stay within u16: OpenVINO's
   * CPU plugin computes u16 shifts in i32 and does not wrap them.
   */
  @ParameterizedTest
  @CsvSource({"u16", "u32", "u64"})
  void widerUnsignedAsConstants(String type) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    double[] x = {1, 32767, 4000, 7, 0, 255};
    double[] n = {0, 1, 3, 12, 2, 8};
    OpCheck.of(OpModels.binaryOfConstants("BitwiseLeftShift", 15, Map.of("auto_broadcast", "numpy"), t, x, n), dir).run();
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("BitwiseLeftShift", 15, "pdpd", ElementType.I32, "2,3", "2"), dir, 17, "pdpd");
  }
}
