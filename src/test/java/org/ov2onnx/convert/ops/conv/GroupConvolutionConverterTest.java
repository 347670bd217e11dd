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

class GroupConvolutionConverterTest {
  @TempDir Path dir;

  private static Map<String, String> attrs(int spatial, String autoPad, long stride, long dilation, long pad) {
    long[] s = new long[spatial];
    long[] d = new long[spatial];
    long[] p = new long[spatial];
    java.util.Arrays.fill(s, stride);
    java.util.Arrays.fill(d, dilation);
    java.util.Arrays.fill(p, pad);
    return Map.of("strides", csv(s), "dilations", csv(d), "pads_begin", csv(p), "pads_end", csv(new long[spatial]),
        "auto_pad", autoPad);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 2, explicit, 1, 1, 1",
    "2, 2, explicit, 2, 1, 1",
    "2, 3, same_upper, 2, 1, 0",
    "2, 6, same_lower, 1, 2, 0",
    "2, 3, valid, 2, 2, 1",
    "3, 3, explicit, 1, 1, 1",
  })
  void constantWeights(int spatial, long groups, String autoPad, long stride, long dilation, long pad) throws Exception {
    long[] in = new long[spatial + 2];
    long[] w = new long[spatial + 3];
    in[0] = 2;
    in[1] = 6;
    w[0] = groups;
    w[1] = 12 / groups;
    w[2] = 6 / groups;
    for (int i = 0; i < spatial; i++) {
      in[i + 2] = 6 + i;
      w[i + 3] = 2 + i % 2;
    }
    IrBuilder ir = new IrBuilder("group_conv");
    String x = ir.parameter("x", ElementType.F32, csv(in));
    String weights = TestWeights.of(ir, "w", w);
    ir.result(ir.op("GroupConvolution", 1, attrs(spatial, autoPad, stride, dilation, pad), x, weights));
    OpCheck.of(ir, dir).run().assertUsesOp("Conv").assertUsesOp("Reshape");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void weightsFromAnInput(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("group_conv_input");
    String x = ir.parameter("x", ElementType.F32, "1,4,6,6");
    String w = ir.parameter("w", ElementType.F32, "2,3,2,3,3");
    ir.result(ir.op("GroupConvolution", 1, attrs(2, "explicit", 1, 1, 1), x, w));
    OpCheck.of(ir, dir).opset(opset).run();
  }

  @Test
  void weightsWithDynamicKernelAreRefused() throws Exception {
    IrBuilder ir = new IrBuilder("group_conv_dynamic_kernel");
    String x = ir.parameter("x", ElementType.F32, "1,4,6,6");
    String w = ir.parameter("w", ElementType.F32, "2,3,2,?,?");
    ir.result(ir.op("GroupConvolution", 1, attrs(2, "explicit", 1, 1, 0), x, w));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("w", 2, 3, 2, 3, 2).run());
    assertTrue(e.getMessage().contains("dynamic"), e.getMessage());
  }
}
