package org.ov2onnx.convert.ops.signal;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class DFTConverterTest {
  @TempDir Path dir;

  /** Transforms of a signal {@code [2, 4, 5]} (plus the complex pair, or real); sizes "" = none. */
  static IrBuilder transform(String op, int version, String shape, String axes, String sizes) {
    IrBuilder ir = new IrBuilder("fourier");
    String x = ir.parameter("x", ElementType.F32, shape);
    long[] a = parse(axes);
    ir.result(sizes.isEmpty() ? ir.op(op, version, Map.of(), x, ir.ints("axes", a))
        : ir.op(op, version, Map.of(), x, ir.ints("axes", a), ir.ints("sizes", parse(sizes))));
    return ir;
  }

  static void check(IrBuilder ir, Path dir, int opset) throws Exception {
    OpCheck.of(ir, dir).opset(opset).tolerance(1e-4, 1e-4).run().assertUsesOp("DFT");
  }

  static long[] parse(String s) {
    return java.util.Arrays.stream(s.split(" ")).mapToLong(Long::parseLong).toArray();
  }

  @ParameterizedTest
  @CsvSource({"'1 2', '', 17", "'2', '', 20", "'-1 0', '', 18", "'1 2', '3 8', 17", "'2 1', '-1 6', 21"})
  void dft(String axes, String sizes, int opset) throws Exception {
    check(transform("DFT", 7, "2,4,5,2", axes, sizes), dir, opset);
  }
}
