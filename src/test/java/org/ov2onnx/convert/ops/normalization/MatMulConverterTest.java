package org.ov2onnx.convert.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class MatMulConverterTest {
  @TempDir Path dir;

  private static IrBuilder matmul(String a, String b, boolean ta, boolean tb, ElementType type) {
    IrBuilder ir = new IrBuilder("matmul");
    String x = ir.parameter("a", type, a);
    String y = ir.parameter("b", type, b);
    ir.result(ir.op("MatMul", 1, Map.of("transpose_a", Boolean.toString(ta), "transpose_b", Boolean.toString(tb)), x, y));
    return ir;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "3,4; 4,5; false; false",
        "4,3; 4,5; true; false",
        "3,4; 5,4; false; true",
        "4,3; 5,4; true; true",
        "2,3,4; 2,5,4; false; true",
        "2,1,4,3; 3,4,5; true; false",
        "4; 4,5; true; false",
        "3,4; 4; false; true",
        "4; 4; true; true",
        "4; 2,4,3; false; false",
        "2,3,4; 4; false; false"
      })
  void shapesAndTransposes(String a, String b, boolean ta, boolean tb) throws Exception {
    OpCheck.of(matmul(a, b, ta, tb, ElementType.F32), dir).run().assertUsesOp("MatMul");
  }

  @ParameterizedTest
  @CsvSource({"13", "21"})
  void integersAtBothEndsOfTheOpsetRange(int opset) throws Exception {
    OpCheck.of(matmul("2,3", "2,4", true, false, ElementType.I32), dir).opset(opset).run().assertUsesOp("Transpose");
  }

  @Test
  void dynamicBatchWithoutTranspose() throws Exception {
    OpCheck.of(matmul("?,3,4", "4,5", false, false, ElementType.F32), dir).shape("a", 2, 3, 4).run();
  }

  @Test
  void refusesTransposingAnOperandOfDynamicRank() throws Exception {
    IrBuilder ir = matmul("...", "4,5", true, false, ElementType.F32);
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("dynamic"), e.getMessage());
  }

  @Test
  void refusesTypesOnnxMatMulLacks() throws Exception {
    IrBuilder ir = matmul("2,3", "3,2", false, false, ElementType.I8);
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("i8"), e.getMessage());
  }
}
