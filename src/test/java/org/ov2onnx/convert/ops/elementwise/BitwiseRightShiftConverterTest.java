package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

class BitwiseRightShiftConverterTest {
  @TempDir Path dir;

  /** Shift amounts stay below 32: OpenVINO's CPU plugin runs i64 as i32. */
  @ParameterizedTest
  @CsvSource({"i32,-100,100,31,13", "i64,-100000,100000,31,21", "i8,-128,127,7,17", "i16,-30000,30000,15,17",
      "u8,0,255,7,13"})
  void arithmeticForSignedLogicalForUnsigned(String type, long lo, long hi, long maxShift, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    OpCheck.of(OpModels.binary("BitwiseRightShift", 15, "numpy", t, "4,6", "4,6"), dir)
        .range("x", lo, hi).range("y", 0, maxShift).opset(opset).run().assertUsesOp("BitShift");
  }

  @Test
  void exactNegativeValues() throws Exception {
    ElementType t = ElementType.I32;
    OpCheck.of(OpModels.binary("BitwiseRightShift", 15, "numpy", t, "6", "1"), dir)
        .input("x", OpModels.vector(t, -1, -2, -7, -2147483648.0, 2147483647, 0))
        .input("y", OpModels.vector(t, 1)).run();
  }

  /** Types ONNX Runtime's Java API cannot feed: constants, computed by OpenVINO (i64 within i32's range: the CPU plugin runs i64 as i32). */
  @ParameterizedTest
  @CsvSource({"u16", "u32", "u64", "i64"})
  void widerTypesAsConstants(String type) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    double[] x = t == ElementType.I64 ? new double[] {-1, -1e9, 1e9, 7, -7, 65535} : new double[] {1, 65535, 40000, 7, 0, 255};
    double[] n = {0, 1, 3, 15, 2, t.bits() - 1};
    OpCheck.of(OpModels.binaryOfConstants("BitwiseRightShift", 15, java.util.Map.of("auto_broadcast", "numpy"), t, x, n), dir).run();
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("BitwiseRightShift", 15, "pdpd", ElementType.I32, "2,3", "2"), dir, 17, "pdpd");
  }
}
