package org.ov2onnx.convert.ops.misc;

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

class CumSumConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(ElementType type, ElementType axisType, long axis, boolean exclusive, boolean reverse) {
    IrBuilder ir = new IrBuilder("cumsum");
    String x = ir.parameter("x", type, "3,4,5");
    String a = ir.constant("axis", axisType, new long[0], axis);
    ir.result(ir.op("CumSum", 3, Map.of("exclusive", Boolean.toString(exclusive), "reverse", Boolean.toString(reverse)), x, a));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "0,false,false,13",
    "1,true,false,13",
    "2,false,true,17",
    "-1,true,true,21",
    "-3,true,false,21",
    "1,false,true,14"
  })
  void exclusiveAndReverse(long axis, boolean exclusive, boolean reverse, int opset) throws Exception {
    OpCheck.of(model(ElementType.F32, ElementType.I64, axis, exclusive, reverse), dir).opset(opset).run().assertUsesOp("CumSum");
  }

  @ParameterizedTest
  @CsvSource({"I32,I32", "I64,I64", "I32,I64", "F64,I32"})
  void otherTypes(ElementType type, ElementType axisType) throws Exception {
    OpCheck.of(model(type, axisType, 1, true, true), dir).run();
  }

  @Test
  void runtimeAxis() throws Exception {
    IrBuilder ir = new IrBuilder("cumsum_runtime");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String a = ir.parameter("axis", ElementType.I32, "");
    ir.result(ir.op("CumSum", 3, Map.of("exclusive", "false", "reverse", "true"), x, a));
    OpCheck.of(ir, dir).range("axis", -2, 1).run();
  }

  @Test
  void refusesHalfFloatsBeforeOpset14() throws Exception {
    IrBuilder ir = model(ElementType.F16, ElementType.I64, 0, false, false);
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(13).run());
    assertTrue(e.getMessage().contains("opset 14"), e.getMessage());
  }
}
