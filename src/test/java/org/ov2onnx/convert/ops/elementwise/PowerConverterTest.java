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

  /** Bases and exponents whose powers fit every type, and (in u8 and i8) some that saturate. */
  @ParameterizedTest
  @CsvSource({"u8,13", "u8,21", "u16,17", "u32,21", "u64,13", "i8,17", "i16,21"})
  void otherIntegersAsOpenVinosCpu(String type, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    double[] bases = {2, 2, 2, 3, 0, 1, 5, 2, 7, 3, 2, 1};
    double[] exponents = {0, 1, 7, 4, 0, 9, 3, 6, 2, 5, 3, 0};
    if (t == ElementType.U8 || t == ElementType.I8) {
      bases[11] = 3;
      exponents[11] = 6; // 729 saturates
    }
    if (t == ElementType.I8 || t == ElementType.I16) {
      bases[9] = -3; // negative bases, odd and even exponents
      bases[8] = -7;
    }
    OpCheck.of(OpModels.binary("Power", 1, "numpy", t, "12", "12"), dir)
        .input("x", OpModels.vector(t, bases)).input("y", OpModels.vector(t, exponents)).opset(opset).run()
        .assertUsesOp("Pow");
  }

  /** OpenVINO's reader writes ONNX BitShift as x * Power(2, y) or x / Power(2, y). */
  @ParameterizedTest
  @CsvSource({"u8,Multiply,21", "u16,Divide,17", "u32,Multiply,17", "u64,Divide,21"})
  void shiftsAsOpenVinosOnnxReaderWritesThem(String type, String op, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    org.ov2onnx.testing.IrBuilder ir = new org.ov2onnx.testing.IrBuilder("shift");
    String x = ir.parameter("x", t, "8");
    String y = ir.parameter("y", t, "8");
    String two = ir.constant("two", t, new long[] {1}, 2);
    ir.result(ir.op(op, 1, java.util.Map.of("auto_broadcast", "numpy"), x,
        ir.op("Power", 1, java.util.Map.of("auto_broadcast", "numpy"), two, y)));
    OpCheck.of(ir, dir).input("x", OpModels.vector(t, 100, 3, 1, 15, 0, 1, 127, 7)) // no product overflows (OpenVINO saturates, ONNX wraps)
        .input("y", OpModels.vector(t, 1, 2, 7, 4, 3, 0, 1, 5)).opset(opset).run();
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("Power", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
  }
}
