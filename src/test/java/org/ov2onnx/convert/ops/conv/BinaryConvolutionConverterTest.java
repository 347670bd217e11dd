package org.ov2onnx.convert.ops.conv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
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

/** BinaryConvolution-1 against OpenVINO CPU: random inputs, random packed weights, every padding rule. */
class BinaryConvolutionConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(long channels, long kernel, String autoPad, long stride, long dilation, long pad,
      String padValue, long seed) {
    IrBuilder ir = new IrBuilder("binconv");
    String x = ir.parameter("x", ElementType.F32, "2," + channels + ",7,6");
    long bits = 5 * channels * kernel * kernel;
    byte[] packed = new byte[(int) ((bits + 7) / 8)];
    new Random(seed).nextBytes(packed);
    String w = ir.constant("w", ElementType.U1, new long[] {5, channels, kernel, kernel}, ByteBuffer.wrap(packed));
    ir.result(ir.op("BinaryConvolution", 1, Map.of("strides", stride + "," + stride, "dilations", dilation + "," + dilation,
        "pads_begin", pad + "," + pad, "pads_end", "0," + pad, "auto_pad", autoPad, "mode", "xnor-popcount",
        "pad_value", padValue), x, w));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "8, 2, explicit, 1, 1, 1, 0.0, 13",
    "8, 2, explicit, 1, 1, 1, 1.0, 17",
    "8, 3, explicit, 2, 1, 1, -1.0, 21",
    "16, 3, explicit, 1, 2, 2, 0.5, 17",
    "16, 1, explicit, 1, 1, 0, 0.0, 21",
    "8, 3, same_upper, 2, 1, 0, 1.0, 13",
    "8, 2, same_lower, 1, 1, 0, 0.0, 17",
    "24, 3, valid, 1, 1, 3, 2.0, 21"
  })
  void xnorPopcount(long channels, long kernel, String autoPad, long stride, long dilation, long pad, String padValue,
      int opset) throws Exception {
    OpCheck.of(model(channels, kernel, autoPad, stride, dilation, pad, padValue, channels * 31 + kernel), dir)
        .opset(opset).run().assertUsesOp("Conv");
  }

  @Test
  void refusesChannelCountsOutsideMultiplesOfEight() throws Exception {
    Path xml = model(3, 2, "explicit", 1, 1, 1, "0.0", 1).write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("binconv.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("has 3 input channels"), e.getMessage());
  }
}
