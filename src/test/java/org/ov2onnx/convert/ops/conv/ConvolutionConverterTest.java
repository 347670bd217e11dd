package org.ov2onnx.convert.ops.conv;

import static org.ov2onnx.convert.ops.conv.TestWeights.csv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ConvolutionConverterTest {
  @TempDir Path dir;

  private IrBuilder conv(String name, int spatial, String autoPad, long stride, long dilation, long padBegin, long padEnd) {
    long[] in = new long[spatial + 2];
    long[] w = new long[spatial + 2];
    in[0] = 2;
    in[1] = 3;
    w[0] = 4;
    w[1] = 3;
    long[] strides = new long[spatial];
    long[] dilations = new long[spatial];
    long[] begin = new long[spatial];
    long[] end = new long[spatial];
    for (int i = 0; i < spatial; i++) {
      in[i + 2] = 7 + i;
      w[i + 2] = 3 - (i % 2);
      strides[i] = stride;
      dilations[i] = dilation;
      begin[i] = padBegin;
      end[i] = padEnd;
    }
    IrBuilder ir = new IrBuilder(name);
    String x = ir.parameter("x", ElementType.F32, csv(in));
    String weights = TestWeights.of(ir, "w", w);
    ir.result(ir.op("Convolution", 1, Map.of("strides", csv(strides), "dilations", csv(dilations), "pads_begin", csv(begin),
        "pads_end", csv(end), "auto_pad", autoPad), x, weights));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "1, explicit, 1, 1, 0, 0",
    "1, explicit, 2, 1, 1, 2",
    "2, explicit, 1, 1, 1, 1",
    "2, explicit, 2, 2, 0, 1",
    "2, valid, 2, 1, 3, 3",
    "2, same_upper, 2, 1, 0, 0",
    "2, same_lower, 2, 1, 0, 0",
    "2, same_upper, 3, 2, 0, 0",
    "2, same_lower, 1, 2, 0, 0",
    "3, explicit, 2, 1, 1, 0",
    "3, same_lower, 2, 1, 0, 0",
  })
  void variants(int spatial, String autoPad, long stride, long dilation, long padBegin, long padEnd) throws Exception {
    OpCheck.of(conv("conv", spatial, autoPad, stride, dilation, padBegin, padEnd), dir).tolerance(1e-4, 1e-4).run()
        .assertUsesOp("Conv");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void acrossOpsets(int opset) throws Exception {
    OpCheck.of(conv("conv_opset", 2, "same_upper", 2, 1, 0, 0), dir).opset(opset).run().assertUsesOp("Conv");
  }

  @Test
  void dynamicSpatialWithDilatedSamePaddingIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("conv_dynamic_dilated");
    String x = ir.parameter("x", ElementType.F32, "?,3,?,?");
    String weights = TestWeights.of(ir, "w", 4, 3, 3, 3);
    ir.result(ir.op("Convolution", 1, Map.of("strides", "1,1", "dilations", "2,2", "pads_begin", "0,0", "pads_end", "0,0",
        "auto_pad", "same_upper"), x, weights));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("x", 1, 3, 9, 6).run());
    assertTrue(e.getMessage().contains("dilation"), e.getMessage());
  }

  @Test
  void dynamicSpatialWithSamePadding() throws Exception {
    IrBuilder ir = new IrBuilder("conv_dynamic");
    String x = ir.parameter("x", ElementType.F32, "?,3,?,?");
    String weights = TestWeights.of(ir, "w", 4, 3, 3, 3);
    ir.result(ir.op("Convolution", 1, Map.of("strides", "2,2", "dilations", "1,1", "pads_begin", "0,0", "pads_end", "0,0",
        "auto_pad", "same_lower"), x, weights));
    OpCheck.of(ir, dir).shape("x", 1, 3, 9, 6).run();
  }

  @Test
  void weightsFromAnInput() throws Exception {
    IrBuilder ir = new IrBuilder("conv_weights_input");
    String x = ir.parameter("x", ElementType.F32, "1,2,5,5");
    String w = ir.parameter("w", ElementType.F32, "3,2,2,2");
    ir.result(ir.op("Convolution", 1, Map.of("strides", "1,1", "dilations", "1,1", "pads_begin", "1,0", "pads_end", "0,1",
        "auto_pad", "explicit"), x, w));
    OpCheck.of(ir, dir).run();
  }
}
