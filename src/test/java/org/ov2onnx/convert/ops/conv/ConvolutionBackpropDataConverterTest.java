package org.ov2onnx.convert.ops.conv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ov2onnx.convert.ops.conv.TestWeights.csv;

import java.nio.file.Path;
import java.util.Arrays;
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

class ConvolutionBackpropDataConverterTest {
  @TempDir Path dir;

  static Map<String, String> attrs(int spatial, String autoPad, long stride, long dilation, long padBegin, long padEnd,
      long outputPadding) {
    return Map.of("strides", csv(fill(spatial, stride)), "dilations", csv(fill(spatial, dilation)),
        "pads_begin", csv(fill(spatial, padBegin)), "pads_end", csv(fill(spatial, padEnd)), "auto_pad", autoPad,
        "output_padding", csv(fill(spatial, outputPadding)));
  }

  static long[] fill(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }

  private IrBuilder deconv(int spatial, Map<String, String> attrs, long[] outputShape) {
    long[] in = new long[spatial + 2];
    long[] w = new long[spatial + 2];
    in[0] = 2;
    in[1] = 3;
    w[0] = 3;
    w[1] = 4;
    for (int i = 0; i < spatial; i++) {
      in[i + 2] = 4 + i;
      w[i + 2] = 3 - i % 2;
    }
    IrBuilder ir = new IrBuilder("deconv");
    String x = ir.parameter("x", ElementType.F32, csv(in));
    String weights = TestWeights.of(ir, "w", w);
    if (outputShape == null) {
      ir.result(ir.op("ConvolutionBackpropData", 1, attrs, x, weights));
    } else {
      ir.result(ir.op("ConvolutionBackpropData", 1, attrs, x, weights, ir.ints("output_shape", outputShape)));
    }
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "1, explicit, 2, 1, 1, 0, 1",
    "2, explicit, 1, 1, 0, 0, 0",
    "2, explicit, 2, 1, 1, 1, 1",
    "2, explicit, 3, 2, 2, 1, 2",
    "2, valid, 2, 1, 1, 1, 1",
    "2, same_upper, 2, 1, 1, 0, 0",
    "2, same_lower, 2, 2, 0, 1, 1",
    "3, explicit, 2, 1, 1, 0, 1",
  })
  void withoutOutputShape(int spatial, String autoPad, long stride, long dilation, long padBegin, long padEnd,
      long outputPadding) throws Exception {
    OpCheck.of(deconv(spatial, attrs(spatial, autoPad, stride, dilation, padBegin, padEnd, outputPadding), null), dir)
        .run().assertUsesOp("ConvTranspose");
  }

  @ParameterizedTest
  @CsvSource({
    "explicit, 2, 1, 0, 8",
    "explicit, 2, 1, 1, 7",
    "same_upper, 2, 1, 0, 8",
    "same_upper, 2, 1, 0, 7",
    "same_lower, 2, 1, 0, 7",
    "same_lower, 3, 2, 1, 9",
    "valid, 2, 1, 0, 6",
  })
  void withOutputShape(String autoPad, long stride, long dilation, long outputPadding, long out) throws Exception {
    OpCheck.of(deconv(2, attrs(2, autoPad, stride, dilation, 1, 2, outputPadding), new long[] {out, out + 1}), dir)
        .run().assertUsesOp("ConvTranspose");
  }

  /** A negative explicit pads_end lengthens the output by zeros. */
  @ParameterizedTest
  @ValueSource(ints = {13, 17, 21})
  void negativeExplicitPadsEnd(int opset) throws Exception {
    OpCheck.of(deconv(2, attrs(2, "explicit", 2, 1, 0, -2, 0), null), dir).opset(opset).run().assertUsesOp("Pad");
  }

  @Test
  void negativeExplicitPadsBeginIsRefused() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> OpCheck.of(deconv(2, attrs(2, "explicit", 2, 1, -1, 0, 0), null), dir).run());
    assertTrue(e.getMessage().contains("pads_begin"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void acrossOpsets(int opset) throws Exception {
    OpCheck.of(deconv(2, attrs(2, "explicit", 2, 1, 1, 0, 1), null), dir).opset(opset).run();
  }

  /** Past the input's reach OpenVINO writes zeros (a Pad after the ConvTranspose). */
  @ParameterizedTest
  @CsvSource({"explicit, 12, 13", "same_upper, 13, 17", "valid, 10, 21", "same_lower, 12, 13", "same_upper, 10, 21"})
  void outputShapeBeyondTheInputsReach(String autoPad, long out, int opset) throws Exception {
    OpCheck.of(deconv(2, attrs(2, autoPad, 2, 1, 1, 0, 0), new long[] {out, out - 1}), dir).opset(opset).run()
        .assertUsesOp("ConvTranspose");
  }

  /** ONNX ConvTranspose takes floats only: an integer one is refused rather than written invalid. */
  @Test
  void integerDataIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("deconv_i32");
    String x = ir.parameter("x", ElementType.I32, "1,3,4,4");
    String weights = ir.parameter("w", ElementType.I32, "3,2,3,3");
    ir.result(ir.op("ConvolutionBackpropData", 1, attrs(2, "explicit", 2, 1, 0, 0, 0), x, weights));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("ONNX ConvTranspose (to opset 21) takes only f16, f32 and f64"), e.getMessage());
  }

  @Test
  void dynamicOutputShapeIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("deconv_dynamic_shape");
    String x = ir.parameter("x", ElementType.F32, "1,3,4,4");
    String shape = ir.parameter("s", ElementType.I64, "2");
    String weights = TestWeights.of(ir, "w", 3, 2, 3, 3);
    ir.result(ir.op("ConvolutionBackpropData", 1, attrs(2, "explicit", 2, 1, 0, 0, 0), x, weights, shape));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("constant"), e.getMessage());
  }
}
