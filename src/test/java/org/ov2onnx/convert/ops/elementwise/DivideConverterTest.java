package org.ov2onnx.convert.ops.elementwise;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class DivideConverterTest {
  @TempDir Path dir;

  private static IrBuilder divide(ElementType t, boolean python) {
    return OpModels.binary("Divide", 1, Map.of("auto_broadcast", "numpy", "m_pythondiv", Boolean.toString(python)), t, "12", "12");
  }

  /**
   * Python division floors. OpenVINO's CPU plugin truncates whatever m_pythondiv says, unlike the
   * specification and OpenVINO's reference implementation, so the operands are constants: OpenVINO
   * then computes the quotient by constant folding, with its reference implementation. (i8 is left
   * out: the reference has no i8 Divide, and the CPU plugin computes i8 quotients in f32 and rounds
   * them, 7 / 2 = 4.)
   */
  @ParameterizedTest
  @CsvSource({"i32,true,13", "i32,false,13", "i64,true,21", "i64,false,21", "i16,true,14", "i16,false,17"})
  void signedIntegersWithNegativeOperands(String type, boolean python, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    Map<String, String> attrs = Map.of("auto_broadcast", "numpy", "m_pythondiv", Boolean.toString(python));
    OpCheck.of(OpModels.binaryOfConstants("Divide", 1, attrs, t, OpModels.DIVIDENDS, OpModels.DIVISORS), dir)
        .opset(opset).run().assertUsesOp("Div");
  }

  /** Where floor and truncation agree (same signs), the CPU plugin is the oracle too. */
  @ParameterizedTest
  @CsvSource({"true", "false"})
  void randomSignedIntegersOfTheSameSign(boolean python) throws Exception {
    OpCheck.of(divide(ElementType.I32, python), dir)
        .range("x", 0, 100).input("y", OpModels.vector(ElementType.I32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
        .run();
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void unsignedBytes(boolean python) throws Exception {
    OpCheck.of(divide(ElementType.U8, python), dir)
        .input("y", OpModels.vector(ElementType.U8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).range("x", 0, 200).run();
  }

  /** ONNX Runtime's Java API cannot feed these types, so the operands are constants. */
  @ParameterizedTest
  @CsvSource({"u16,true", "u32,false", "u64,true"})
  void widerUnsignedIntegers(String type, boolean python) throws Exception {
    Map<String, String> attrs = Map.of("auto_broadcast", "numpy", "m_pythondiv", Boolean.toString(python));
    double[] x = {7, 9, 100, 65535, 0, 1};
    double[] y = {2, 4, 7, 3, 5, 1};
    OpCheck.of(OpModels.binaryOfConstants("Divide", 1, attrs, ElementType.fromOvName(type), x, y), dir).opset(17).run();
  }

  @ParameterizedTest
  @CsvSource({"f32,true", "f32,false", "f64,true"})
  void floatsIgnorePythonDivision(String type, boolean python) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    OpCheck.of(divide(t, python), dir).range("y", 0.5, 3).run().assertNoOp("Floor");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    IrBuilder ir = OpModels.binary("Divide", 1, Map.of("auto_broadcast", "pdpd", "m_pythondiv", "true"), ElementType.F32, "2,3", "2");
    OpModels.assertRefused(ir, dir, 17, "pdpd");
  }
}
