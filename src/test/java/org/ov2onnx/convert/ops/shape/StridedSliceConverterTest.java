package org.ov2onnx.convert.ops.shape;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class StridedSliceConverterTest {
  @TempDir Path dir;

  private static String masks(long... bits) {
    StringBuilder s = new StringBuilder();
    for (long b : bits) {
      s.append(s.length() == 0 ? "" : ",").append(b);
    }
    return s.toString();
  }

  private OpCheck.Outcome check(long[] begin, long[] end, long[] strides, long[] beginMask, long[] endMask, long[] newAxis,
      long[] shrink, long[] ellipsis, int opset) throws Exception {
    return check(false, begin, end, strides, beginMask, endMask, newAxis, shrink, ellipsis, opset);
  }

  /**
   * With {@code constantData}, the sliced tensor is a constant, so OpenVINO evaluates the slice with
   * its reference implementation: its CPU plugin returns wrong data when shrink_axis_mask and
   * new_axis_mask are combined on a non-constant input.
   */
  private OpCheck.Outcome check(boolean constantData, long[] begin, long[] end, long[] strides, long[] beginMask, long[] endMask, long[] newAxis,
      long[] shrink, long[] ellipsis, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("strided_slice");
    String x = constantData ? ir.constant("x", ElementType.F32, new long[] {4, 5, 6}, iota(120)) : ir.parameter("x", ElementType.F32, "4,5,6");
    Map<String, String> attrs = Map.of("begin_mask", masks(beginMask), "end_mask", masks(endMask), "new_axis_mask",
        masks(newAxis), "shrink_axis_mask", masks(shrink), "ellipsis_mask", masks(ellipsis));
    ir.result(strides == null
        ? ir.op("StridedSlice", 1, attrs, x, ir.ints("begin", begin), ir.ints("end", end))
        : ir.op("StridedSlice", 1, attrs, x, ir.ints("begin", begin), ir.ints("end", end), ir.ints("strides", strides)));
    return OpCheck.of(ir, dir).opset(opset).run();
  }

  private static double[] iota(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  private static long[] v(long... values) {
    return values;
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void plainSlices(int opset) throws Exception {
    check(v(1, -4, 0), v(3, -1, 6), v(1, 1, 2), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), opset)
        .assertUsesOp("Slice");
  }

  @Test
  void beginAndEndMasksIgnoreTheValues() throws Exception {
    check(v(3, 2, 1), v(1, 4, 2), v(1, 1, 1), v(1, 0, 1), v(0, 1, 1), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), 17);
  }

  @Test
  void negativeStridesWithMasks() throws Exception {
    check(v(0, 3, 4), v(0, 0, 1), v(-1, -2, -1), v(1, 0, 0), v(1, 1, 0), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), 17);
  }

  @Test
  void withoutStrides() throws Exception {
    check(v(1, 1), v(3, 4), null, v(0, 0), v(0, 0), v(0, 0), v(0, 0), v(0, 0), 17);
  }

  @Test
  void shrinkAxes() throws Exception {
    check(v(2, 0, 1), v(0, 3, 0), v(1, 1, 1), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), v(1, 0, 1), v(0, 0, 0), 17)
        .assertUsesOp("Squeeze");
  }

  @Test
  void shrinkAndNewAxes() throws Exception {
    check(true, v(2, -1, 0), v(0, 0, 0), v(1, 1, 1), v(0, 0, 1), v(0, 0, 1), v(0, 1, 0), v(1, 0, 0), v(0, 0, 0), 17)
        .assertUsesOp("Squeeze");
  }

  @Test
  void shrinkWithBeginMask() throws Exception {
    check(v(2, 3), v(0, 0), v(1, -1), v(1, 1), v(0, 0), v(0, 0), v(1, 1), v(0, 0), 17);
  }

  @Test
  void newAxes() throws Exception {
    check(v(0, 1, 0, 2), v(0, 3, 0, 4), v(1, 1, 1, 1), v(0, 0, 0, 0), v(0, 0, 0, 0), v(1, 0, 1, 0), v(0, 0, 0, 0),
        v(0, 0, 0, 0), 17).assertUsesOp("Unsqueeze");
  }

  @Test
  void ellipsisSpansTheMiddle() throws Exception {
    check(v(1, 0, 2), v(3, 0, 5), v(1, 1, 1), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), v(0, 0, 0), v(0, 1, 0), 17);
  }

  @Test
  void ellipsisWithNewAndShrunkAxes() throws Exception {
    check(true, v(0, 0, 1, 0), v(0, 0, 0, 0), v(1, 1, 1, 1), v(0, 0, 0, 0), v(0, 0, 0, 0), v(1, 0, 0, 1), v(0, 0, 1, 0),
        v(0, 1, 0, 0), 17);
  }

  @Test
  void everythingMaskedIsAnIdentity() throws Exception {
    check(v(0), v(0), v(1), v(1), v(1), v(0), v(0), v(0), 17).assertUsesOp("Identity");
  }

  @Test
  void refusesDynamicBegin() throws Exception {
    IrBuilder ir = new IrBuilder("strided_slice_dyn");
    String x = ir.parameter("x", ElementType.F32, "4,5");
    String begin = ir.parameter("begin", ElementType.I64, "2");
    ir.result(ir.op("StridedSlice", 1, Map.of("begin_mask", "0,0", "end_mask", "0,0"), x, begin, ir.ints("end", 3, 3)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
