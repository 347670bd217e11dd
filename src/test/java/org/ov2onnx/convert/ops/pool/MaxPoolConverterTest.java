package org.ov2onnx.convert.ops.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class MaxPoolConverterTest {
  @TempDir Path dir;

  /** Attributes given as "a|b|c" for the spatial axes. */
  static Map<String, String> attrs(String kernel, String strides, String begin, String end, String autoPad, String rounding) {
    Map<String, String> a = new HashMap<>();
    a.put("kernel", kernel.replace('|', ','));
    a.put("strides", strides.replace('|', ','));
    a.put("pads_begin", begin.replace('|', ','));
    a.put("pads_end", end.replace('|', ','));
    a.put("auto_pad", autoPad);
    a.put("rounding_type", rounding);
    return a;
  }

  @ParameterizedTest
  @CsvSource({
    "1|2|9|9, 2|2, 2|2, 0|0, 0|0, explicit, floor",
    "1|2|9, 3, 2, 1, 1, explicit, floor",
    "1|2|9|8, 3|2, 2|1, 1|0, 1|1, explicit, ceil",
    "1|2|10|10, 3|3, 2|2, 0|0, 0|0, explicit, ceil",
    "1|2|9|8, 2|2, 2|2, 0|0, 0|0, valid, floor",
    "1|2|9|8, 3|3, 2|2, 0|0, 0|0, same_upper, floor",
    "1|2|9|8, 2|2, 2|2, 0|0, 0|0, same_lower, ceil",
    "2|2|5|6|7, 2|2|2, 2|1|2, 1|0|0, 0|1|1, explicit, floor",
  })
  void version1(String shape, String kernel, String strides, String begin, String end, String autoPad, String rounding)
      throws Exception {
    IrBuilder ir = new IrBuilder("maxpool1");
    String x = ir.parameter("x", ElementType.F32, shape.replace('|', ','));
    ir.result(ir.op("MaxPool", 1, attrs(kernel, strides, begin, end, autoPad, rounding), x));
    OpCheck.of(ir, dir).run().assertUsesOp("MaxPool");
  }

  private IrBuilder indexed(int version, String shape, String dilations, String rounding, String axis, String type) {
    IrBuilder ir = new IrBuilder("maxpool" + version);
    String x = ir.parameter("x", ElementType.F32, shape);
    Map<String, String> a = attrs("2|3", "2|2", "1|1", "1|0", "explicit", rounding);
    a.put("dilations", dilations);
    a.put("axis", axis);
    a.put("index_element_type", type);
    List<String> out = ir.op("MaxPool", version, a, 2, x);
    ir.result(out.get(0));
    ir.result(out.get(1));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "8, 2|3|9|10, 1|1, floor, 0, i64",
    "8, 2|3|9|10, 2|1, floor, 1, i32",
    "8, 2|3|10|11, 1|2, ceil, 2, i64",
    "8, 2|3|9|10, 1|1, floor, -2, i32",
    "14, 2|3|9|10, 1|1, ceil_torch, 0, i64",
    "14, 2|3|10|10, 2|2, ceil_torch, 2, i32",
    "14, 2|3|9|10, 1|1, floor, -3, i64",
  })
  void withIndices(int version, String shape, String dilations, String rounding, String axis, String type) throws Exception {
    OpCheck.of(indexed(version, shape.replace('|', ','), dilations.replace('|', ','), rounding, axis, type), dir).run()
        .assertUsesOp("MaxPool");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void acrossOpsets(int opset) throws Exception {
    OpCheck.of(indexed(8, "2,3,9,10", "1,1", "floor", "2", "i64"), dir).opset(opset).run();
  }

  @Test
  void ceilTorchDropsTheWindowInTheEndPadding() throws Exception {
    IrBuilder ir = new IrBuilder("maxpool_torch");
    String x = ir.parameter("x", ElementType.F32, "1,2,9,9");
    Map<String, String> a = attrs("2|2", "2|2", "1|1", "1|1", "explicit", "ceil_torch");
    a.put("dilations", "1,1");
    a.put("axis", "0");
    a.put("index_element_type", "i64");
    ir.result(ir.op("MaxPool", 14, a, 1, x).get(0));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void ceilWithAWindowInTheEndPaddingIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("maxpool_ceil_refused");
    String x = ir.parameter("x", ElementType.F32, "1,2,9,9");
    ir.result(ir.op("MaxPool", 1, attrs("2|2", "2|2", "1|1", "1|1", "explicit", "ceil"), x));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("end padding"), e.getMessage());
  }

  @Test
  void ceilOnDynamicLengthsWhereNoWindowCanStartInThePadding() throws Exception {
    IrBuilder ir = new IrBuilder("maxpool_ceil_dynamic");
    String x = ir.parameter("x", ElementType.F32, "1,2,?,?");
    ir.result(ir.op("MaxPool", 1, attrs("3|3", "2|2", "1|1", "1|1", "explicit", "ceil"), x));
    OpCheck.of(ir, dir).shape("x", 1, 2, 8, 9).run();
  }

  @Test
  void ceilOnDynamicLengthsWhereAWindowMayStartInThePaddingIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("maxpool_ceil_dynamic_refused");
    String x = ir.parameter("x", ElementType.F32, "1,2,?,?");
    ir.result(ir.op("MaxPool", 1, attrs("2|2", "2|2", "1|1", "1|1", "explicit", "ceil"), x));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("x", 1, 2, 8, 9).run());
    assertTrue(e.getMessage().contains("dynamic"), e.getMessage());
  }

  @Test
  void dynamicLengthsWithIndicesFromTheBatchAxis() throws Exception {
    OpCheck.of(indexed(8, "?,3,?,?", "1,1", "floor", "0", "i64"), dir).shape("x", 2, 3, 7, 8).run();
  }

  @Test
  void dynamicLengthsWithIndicesFromALaterAxisAreRefused() throws Exception {
    IrBuilder ir = indexed(8, "?,3,?,?", "1,1", "floor", "1", "i64");
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("x", 2, 3, 7, 8).run());
    assertTrue(e.getMessage().contains("static"), e.getMessage());
  }
}
