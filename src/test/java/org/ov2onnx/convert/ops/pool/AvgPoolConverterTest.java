package org.ov2onnx.convert.ops.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ov2onnx.convert.ops.pool.MaxPoolConverterTest.attrs;

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

class AvgPoolConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "1, 1|2|9, 3, 2, 1, 1, explicit, floor, true",
    "1, 1|2|9|8, 3|2, 2|1, 1|0, 1|1, explicit, floor, false",
    "1, 1|2|9|8, 3|3, 2|2, 1|1, 1|1, explicit, ceil, true",
    "1, 1|2|9|8, 3|3, 2|2, 1|1, 1|1, explicit, ceil, false",
    "1, 1|2|9|8, 3|3, 2|2, 0|0, 0|0, same_upper, floor, false",
    "1, 1|2|9|8, 3|2, 2|2, 0|0, 0|0, same_lower, floor, true",
    "1, 1|2|9|8, 2|2, 2|2, 1|1, 1|1, valid, floor, false",
    "1, 2|2|5|6|7, 2|2|2, 2|1|2, 1|0|0, 0|1|1, explicit, floor, false",
    "14, 1|2|9|8, 3|3, 2|2, 1|1, 1|1, explicit, ceil_torch, true",
    "14, 1|2|9|8, 3|3, 2|2, 1|1, 1|1, explicit, ceil_torch, false",
    "14, 1|2|5|5, 2|2, 2|2, 0|0, 1|1, explicit, ceil_torch, true",
    "16, 1|2|9|8, 3|3, 2|2, 1|0, 1|1, explicit, ceil_torch, true",
    "16, 1|2|9|8, 2|2, 1|1, 0|0, 0|0, explicit, floor, false",
  })
  void variants(int version, String shape, String kernel, String strides, String begin, String end, String autoPad,
      String rounding, boolean excludePad) throws Exception {
    IrBuilder ir = new IrBuilder("avgpool");
    String x = ir.parameter("x", ElementType.F32, shape.replace('|', ','));
    Map<String, String> a = attrs(kernel, strides, begin, end, autoPad, rounding);
    a.put("exclude-pad", Boolean.toString(excludePad));
    if (version == 16) {
      a.put("dilations", "1,1");
    }
    ir.result(ir.op("AvgPool", version, a, x));
    OpCheck.of(ir, dir).run().assertUsesOp("AveragePool");
  }

  private IrBuilder dilated() {
    IrBuilder ir = new IrBuilder("avgpool_dilated");
    String x = ir.parameter("x", ElementType.F32, "1,2,9,8");
    Map<String, String> a = attrs("2|2", "1|2", "1|0", "0|1", "explicit", "floor");
    a.put("exclude-pad", "true");
    a.put("dilations", "2,1");
    ir.result(ir.op("AvgPool", 16, a, x));
    return ir;
  }

  @Test
  void dilationsAtOpset21() throws Exception {
    OpCheck.of(dilated(), dir).opset(21).run();
  }

  /** Counted asymmetric padding at opset 21 (ONNX Runtime's AveragePool-19 gets its borders wrong). */
  @ParameterizedTest
  @CsvSource({"13", "17", "21"})
  void countedAsymmetricPaddingBecomesAnExplicitPad(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("avgpool_counted_pads");
    String x = ir.parameter("x", ElementType.F32, "1,3,8,8");
    Map<String, String> a = attrs("2|2", "1|1", "0|0", "1|1", "explicit", "floor");
    a.put("exclude-pad", "false");
    ir.result(ir.op("AvgPool", 1, a, x));
    OpCheck.of(ir, dir).opset(opset).range("x", 0, 1).run().assertUsesOp("Pad").assertUsesOp("AveragePool");
  }

  @Test
  void version1AtOpset13() throws Exception {
    IrBuilder ir = new IrBuilder("avgpool13");
    String x = ir.parameter("x", ElementType.F32, "1,2,9,8");
    Map<String, String> a = attrs("3|3", "2|2", "1|1", "1|1", "explicit", "floor");
    a.put("exclude-pad", "false");
    ir.result(ir.op("AvgPool", 1, a, x));
    OpCheck.of(ir, dir).opset(13).run();
  }

  @Test
  void dilationsBeforeOpset19AreRefused() {
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(dilated(), dir).opset(18).run());
    assertTrue(e.getMessage().contains("opset 19"), e.getMessage());
  }
}
