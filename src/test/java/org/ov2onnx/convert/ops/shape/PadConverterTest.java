package org.ov2onnx.convert.ops.shape;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
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

class PadConverterTest {
  @TempDir Path dir;

  private static IrBuilder pad(int version, String mode, long[] begin, long[] end, boolean value) {
    IrBuilder ir = new IrBuilder("pad_" + mode);
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    String b = ir.ints("begin", begin);
    String e = ir.ints("end", end);
    ir.result(value
        ? ir.op("Pad", version, Map.of("pad_mode", mode), x, b, e, ir.constant("value", ElementType.F32, new long[0], 2.5))
        : ir.op("Pad", version, Map.of("pad_mode", mode), x, b, e));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"constant", "edge", "reflect", "symmetric"})
  void v1Modes(String mode) throws Exception {
    OpCheck.of(pad(1, mode, new long[] {1, 0, 2}, new long[] {2, 3, 0}, false), dir).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void constantWithAValue(int opset) throws Exception {
    OpCheck.of(pad(12, "constant", new long[] {0, 1, 1}, new long[] {1, 0, 2}, true), dir).opset(opset).run().assertUsesOp("Pad");
  }

  @ParameterizedTest
  @ValueSource(strings = {"constant", "edge", "reflect", "symmetric"})
  void v12NegativePads(String mode) throws Exception {
    OpCheck.of(pad(12, mode, new long[] {-1, 2, -2}, new long[] {1, -3, 0}, false), dir).run();
  }

  @Test
  void symmetricOverTheWholeAxis() throws Exception {
    OpCheck.of(pad(12, "symmetric", new long[] {3, 0, 0}, new long[] {0, 4, 5}, false), dir).run().assertUsesOp("Concat");
  }

  @Test
  void v1DynamicPads() throws Exception {
    IrBuilder ir = new IrBuilder("pad_dyn");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String b = ir.parameter("b", ElementType.I32, "2");
    ir.result(ir.op("Pad", 1, Map.of("pad_mode", "reflect"), x, b, ir.ints("end", 1, 2)));
    OpCheck.of(ir, dir).range("b", 0, 2).run();
  }

  /** Pads fed at run time, negative ones included, in every mode ONNX's Pad has, at the opsets 13, 17 and 21. */
  @ParameterizedTest
  @CsvSource({
    "12, constant, 1|0|2, 2|3|0, true, 13", "12, constant, -1|2|-2, 1|-3|0, true, 17", "12, constant, 0|-4|0, -2|0|3, false, 21",
    "12, edge, 1|0|2, 2|3|0, false, 13", "12, edge, -1|2|-2, 1|-3|0, false, 17", "12, edge, -2|1|0, 0|0|-4, false, 21",
    "12, reflect, 1|0|2, 2|3|0, false, 13", "12, reflect, -1|2|-2, 1|-3|0, false, 17", "12, reflect, 0|-1|3, -1|2|-1, false, 21",
    "1, constant, 1|0|2, 2|3|0, true, 13", "1, edge, 0|2|1, 1|0|3, false, 17", "1, reflect, 2|3|0, 0|1|4, false, 21"})
  void runTimePads(int version, String mode, String begin, String end, boolean value, int opset) throws Exception {
    long[] b = longs(begin);
    long[] e = longs(end);
    IrBuilder ir = new IrBuilder("pad_runtime_" + mode);
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    String pb = ir.parameter("begin", ElementType.I64, "3");
    String pe = ir.parameter("end", ElementType.I32, "3");
    ir.result(value
        ? ir.op("Pad", version, Map.of("pad_mode", mode), x, pb, pe, ir.parameter("value", ElementType.F32, ""))
        : ir.op("Pad", version, Map.of("pad_mode", mode), x, pb, pe));
    OpCheck.of(ir, dir).input("begin", ShapeTensors.of(ElementType.I64, b)).input("end", ShapeTensors.of(ElementType.I32, e))
        .opset(opset).run().assertUsesOp("Pad");
  }

  private static long[] longs(String pipes) {
    return java.util.Arrays.stream(pipes.split("\\|")).mapToLong(Long::parseLong).toArray();
  }

  @Test
  void refusesRunTimePadsInSymmetricMode() throws Exception {
    IrBuilder ir = new IrBuilder("pad_dyn12");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String b = ir.parameter("b", ElementType.I64, "2");
    ir.result(ir.op("Pad", 12, Map.of("pad_mode", "symmetric"), x, b, ir.ints("end", 1, 2)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
