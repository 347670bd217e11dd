package org.ov2onnx.convert.ops.conv;

import static org.ov2onnx.convert.ops.conv.ConvolutionBackpropDataConverterTest.attrs;
import static org.ov2onnx.convert.ops.conv.TestWeights.csv;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GroupConvolutionBackpropDataConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "1, 2, explicit, 2, 1, 1, 1, 0",
    "2, 2, explicit, 2, 1, 1, 0, 1",
    "2, 3, explicit, 1, 2, 0, 1, 0",
    "2, 6, same_upper, 2, 1, 0, 0, 1",
    "2, 3, valid, 3, 1, 0, 0, 2",
    "3, 2, explicit, 2, 1, 1, 1, 1",
  })
  void variants(int spatial, long groups, String autoPad, long stride, long dilation, long padBegin, long padEnd,
      long outputPadding) throws Exception {
    long[] in = new long[spatial + 2];
    long[] w = new long[spatial + 3];
    in[0] = 2;
    in[1] = 6;
    w[0] = groups;
    w[1] = 6 / groups;
    w[2] = 12 / groups;
    for (int i = 0; i < spatial; i++) {
      in[i + 2] = 4 + i;
      w[i + 3] = 2 + i % 2;
    }
    IrBuilder ir = new IrBuilder("group_deconv");
    String x = ir.parameter("x", ElementType.F32, csv(in));
    String weights = TestWeights.of(ir, "w", w);
    ir.result(ir.op("GroupConvolutionBackpropData", 1,
        attrs(spatial, autoPad, stride, dilation, padBegin, padEnd, outputPadding), x, weights));
    OpCheck.of(ir, dir).run().assertUsesOp("ConvTranspose").assertUsesOp("Reshape");
  }

  @ParameterizedTest
  @CsvSource({"same_lower, 9", "same_upper, 8", "explicit, 7", "same_upper, 11", "explicit, 10", "valid, 10"})
  void withOutputShape(String autoPad, long out) throws Exception {
    IrBuilder ir = new IrBuilder("group_deconv_shape");
    String x = ir.parameter("x", ElementType.F32, "1,4,4,5");
    String weights = TestWeights.of(ir, "w", 2, 2, 3, 3, 3);
    ir.result(ir.op("GroupConvolutionBackpropData", 1, attrs(2, autoPad, 2, 1, 0, 0, 0), x, weights,
        ir.ints("output_shape", out, out + 2)));
    OpCheck.of(ir, dir).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void weightsFromAnInput(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("group_deconv_input");
    String x = ir.parameter("x", ElementType.F32, "1,4,5,5");
    String w = ir.parameter("w", ElementType.F32, "2,2,3,3,3");
    ir.result(ir.op("GroupConvolutionBackpropData", 1, attrs(2, "explicit", 2, 1, 1, 1, 1), x, w));
    OpCheck.of(ir, dir).opset(opset).run();
  }
}
