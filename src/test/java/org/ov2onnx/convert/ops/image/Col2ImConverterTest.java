package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class Col2ImConverterTest {
  @TempDir Path dir;

  /** The data shape follows from the image, kernel, strides, dilations and pads. */
  @ParameterizedTest
  @CsvSource({
    "17, true, '4,5', '2,2', '1,1', '1,1', '0,0', '0,0'",
    "18, true, '4,5', '2,2', '1,1', '1,1', '0,0', '0,0'",
    "16, false, '6,7', '3,2', '2,1', '1,2', '1,0', '2,1'",
    "21, false, '6,7', '3,2', '2,1', '1,2', '1,0', '2,1'",
    "17, true, '5,5', '2,3', '2,2', '2,1', '1,1', '1,1'"})
  void fold(int opset, boolean batched, String size, String kernel, String strides, String dilations, String begin, String end)
      throws Exception {
    long[] sz = parse(size);
    long[] k = parse(kernel);
    long[] st = parse(strides);
    long[] dl = parse(dilations);
    long[] b = parse(begin);
    long[] e = parse(end);
    long blocks = 1;
    for (int d = 0; d < 2; d++) {
      blocks *= (sz[d] + b[d] + e[d] - (dl[d] * (k[d] - 1) + 1)) / st[d] + 1;
    }
    long channels = 2 * k[0] * k[1];
    IrBuilder ir = new IrBuilder("col2im");
    String x = ir.parameter("x", ElementType.F32, (batched ? "3," : "") + channels + "," + blocks);
    ir.result(ir.op("Col2Im", 15, Map.of("strides", strides, "dilations", dilations, "pads_begin", begin, "pads_end", end), x,
        ir.ints("size", sz), ir.ints("kernel", k)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp(opset >= 18 ? "Col2Im" : "ScatterND");
  }

  private static long[] parse(String s) {
    return java.util.Arrays.stream(s.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
