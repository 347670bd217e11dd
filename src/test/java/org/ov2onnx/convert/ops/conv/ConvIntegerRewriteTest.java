package org.ov2onnx.convert.ops.conv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * Convolution over i32 of Convert(u8/i8) inputs with zero points (OpenVINO's reading of ONNX
 * ConvInteger) becomes ConvInteger, against OpenVINO CPU on random 8-bit inputs.
 */
class ConvIntegerRewriteTest {
  @TempDir Path dir;

  private static final Map<String, String> WINDOW =
      Map.of("strides", "1,1", "dilations", "1,1", "pads_begin", "1,0", "pads_end", "1,1", "auto_pad", "explicit");

  private static String toI32(IrBuilder ir, String value) {
    return ir.op("Convert", 1, Map.of("destination_type", "i32"), value);
  }

  /** Random 8-bit weights [3, 2, 2, 2] as a constant. */
  private static String weights(IrBuilder ir, ElementType t) {
    Random r = new Random(7);
    double[] w = new double[24];
    for (int i = 0; i < w.length; i++) {
      w[i] = t == ElementType.U8 ? r.nextInt(256) : r.nextInt(256) - 128;
    }
    return ir.constant("w", t, new long[] {3, 2, 2, 2}, w);
  }

  /**
   * {@code xZero}: none, param (an 8-bit scalar input), const; {@code wZero}: none, const (one
   * value, as i32 like OpenVINO's reader writes it), channel (one per output channel).
   */
  private IrBuilder model(ElementType t, String xZero, String wZero) {
    IrBuilder ir = new IrBuilder("convinteger");
    String x = toI32(ir, ir.parameter("x", t, "1,2,5,6"));
    String w = toI32(ir, weights(ir, t));
    double zero = t == ElementType.U8 ? 100 : -20;
    switch (xZero) {
      case "param" -> x = ir.op("Subtract", 1, Map.of("auto_broadcast", "numpy"), x, toI32(ir, ir.parameter("zx", t, "")));
      case "const" -> x = ir.op("Subtract", 1, Map.of("auto_broadcast", "numpy"), x,
          ir.constant("zx", ElementType.I32, new long[0], zero));
      default -> {}
    }
    switch (wZero) {
      case "const" -> w = ir.op("Subtract", 1, Map.of("auto_broadcast", "numpy"), w,
          toI32(ir, ir.constant("zw", ElementType.I32, new long[0], 3)));
      case "channel" -> w = ir.op("Subtract", 1, Map.of("auto_broadcast", "numpy"), w,
          ir.constant("zw", ElementType.I32, new long[] {3, 1, 1, 1}, 3, t == ElementType.U8 ? 200 : -5, 0));
      default -> {}
    }
    ir.result(ir.op("Convolution", 1, WINDOW, x, w));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "u8, param, const, 21", "u8, param, none, 13", "u8, none, none, 17", "u8, const, none, 21",
    "i8, const, const, 17", "i8, none, const, 13", "i8, param, none, 21",
    "u8, param, channel, 13", "i8, const, channel, 21", "u8, none, channel, 17"
  })
  void becomesConvInteger(String type, String xZero, String wZero, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    OpCheck check = OpCheck.of(model(t, xZero, wZero), dir).opset(opset).range("x", t == ElementType.U8 ? 0 : -128, 127);
    if (xZero.equals("param")) {
      check.range("zx", t == ElementType.U8 ? 0 : -128, 127);
    }
    var outcome = check.run().assertUsesOp("ConvInteger");
    // the zero points go into ConvInteger, or (one per output channel) into a correction after it
    assertTrue(outcome.opTypes().stream().noneMatch(op -> op.equals("Conv") || op.equals("Sub") && !wZero.equals("channel")),
        outcome.opTypes().toString());
  }

  /** A convolution of i32 values that are not widened 8-bit ones is refused. */
  @Test
  void refusesOtherIntegerConvolutions() throws Exception {
    IrBuilder ir = new IrBuilder("conv_i32");
    String x = ir.parameter("x", ElementType.I32, "1,2,5,6");
    ir.result(ir.op("Convolution", 1, WINDOW, x, toI32(ir, weights(ir, ElementType.I8))));
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("refused.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("ONNX Conv (to opset 21) takes only f16, f32 and f64"), e.getMessage());
  }
}
