package org.ov2onnx.convert.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ov2onnx.convert.ops.spatial.InterpolateConverterTest.Attrs;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * Interpolate-4 and -11 in scales mode with the scales fed at run time, against OpenVINO's CPU
 * plugin: every mode and coordinate transformation, up- and downsampling, and the boundary where
 * {@code length * scale} is just below an integer (OpenVINO's length, with its 1e-6 nudge, is one
 * more than ONNX's there).
 */
class InterpolateRunTimeScalesTest {
  @TempDir Path dir;

  /** The data {@code shape}, Interpolate-{@code version} over {@code axes} with a run-time scales input of {@code type}. */
  static IrBuilder model(int version, String shape, Attrs a, String axes, ElementType type, String dataType) {
    IrBuilder ir = new IrBuilder("interpolate" + version + "_runtime_scales");
    String x = ir.parameter("x", ElementType.valueOf(dataType), shape.replace('|', ','));
    int n = InterpolateConverterTest.longs(axes).length;
    String scales = ir.parameter("scales", type, Integer.toString(n));
    String ax = ir.ints("axes", InterpolateConverterTest.longs(axes));
    int rank = InterpolateConverterTest.rank(shape);
    ir.result(version == 4
        ? ir.op("Interpolate", 4, a.ir(rank), x, ir.ints("sizes", new long[n]), scales, ax)
        : ir.op("Interpolate", 11, a.ir(rank), x, scales, ax));
    return ir;
  }

  static Tensor floats(ElementType type, String pipes) {
    double[] v = InterpolateConverterTest.doubles(pipes);
    ByteBuffer bytes = TensorBytes.encode(type, v);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    return Tensor.of(type, new long[] {v.length}, direct);
  }

  private void check(int version, String shape, Attrs a, String axes, String scales, int opset) throws Exception {
    OpCheck.of(model(version, shape, a, axes, ElementType.F32, "F32"), dir).input("scales", floats(ElementType.F32, scales))
        .opset(opset).run().assertUsesOp("Resize");
  }

  static Stream<Arguments> grid() {
    String[][] modes = {
      {"nearest", "round_prefer_floor"}, {"nearest", "round_prefer_ceil"}, {"nearest", "floor"}, {"nearest", "ceil"},
      {"linear_onnx", "floor"}, {"linear", "floor"}, {"cubic", "floor"}};
    int[] opsets = {13, 17, 21};
    List<Arguments> all = new ArrayList<>();
    int k = 0;
    for (String[] m : modes) {
      for (String coord : InterpolateConverterTest.COORDS) {
        for (String scales : new String[] {"1.7|2.5", "0.6|0.45"}) {
          all.add(Arguments.of(k % 2 == 0 ? 11 : 4, m[0], coord, m[1], scales, opsets[k % 3]));
          k++;
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "v{0} {1} {2} {3} scales {4} opset {5}")
  @MethodSource("grid")
  void modesAndCoordinates(int version, String mode, String coord, String nearest, String scales, int opset) throws Exception {
    check(version, "1|2|6|9", Attrs.of(mode, "scales", coord, nearest), "2|3", scales, opset);
  }

  /**
   * Scales whose product with the length is just below an integer (as f32): 4 * 0.49999997, 30 *
   * 2.1, 3 * 0.6666666, 5 * 0.19999999 (OpenVINO's length 1: pytorch_half_pixel maps it to 0).
   * With nearest floor and asymmetric coordinates 1 / 0.49999997 is just above 2: a scale moved by
   * OpenVINO's 1e-6 would pick pixel 1 instead of 2.
   */
  @ParameterizedTest(name = "v{0} {1} {2} {3} on {4} scales {5} opset {6}")
  @CsvSource({
    "11, nearest, asymmetric, floor, 1|1|4|30, 0.49999997|2.1, 13",
    "4, nearest, half_pixel, round_prefer_floor, 1|1|4|30, 0.49999997|2.1, 17",
    "11, nearest, pytorch_half_pixel, ceil, 1|1|5|3, 0.19999999|0.6666666, 21",
    "4, nearest, align_corners, round_prefer_ceil, 1|1|4|30, 0.49999997|2.1, 21",
    "11, linear_onnx, half_pixel, floor, 1|1|4|30, 0.49999997|2.1, 13",
    "4, linear_onnx, pytorch_half_pixel, floor, 1|1|5|3, 0.19999999|0.6666666, 17",
    "11, linear, asymmetric, floor, 1|1|3|30, 0.6666666|2.1, 21",
    "4, cubic, half_pixel, floor, 1|1|4|30, 0.49999997|2.1, 13",
    "11, cubic, asymmetric, floor, 1|1|3|4, 0.6666666|0.49999997, 17",
    "4, cubic, align_corners, floor, 1|1|3|30, 0.6666666|2.1, 21",
    "11, cubic, pytorch_half_pixel, floor, 1|1|5|4, 0.19999999|0.49999997, 21",
  })
  void lengthJustBelowAnInteger(int version, String mode, String coord, String nearest, String shape, String scales, int opset)
      throws Exception {
    check(version, shape, Attrs.of(mode, "scales", coord, nearest), "2|3", scales, opset);
  }

  /** A scale whose OpenVINO length equals the input length: OpenVINO maps every position to itself. */
  @ParameterizedTest(name = "{0} {1} opset {2}")
  @CsvSource({"nearest, half_pixel, 13", "linear_onnx, asymmetric, 17", "cubic, pytorch_half_pixel, 21", "linear, half_pixel, 21"})
  void unchangedLength(String mode, String coord, int opset) throws Exception {
    check(11, "1|2|4|9", Attrs.of(mode, "scales", coord, "round_prefer_floor"), "2|3", "1.1|1.05", opset);
  }

  /** All axes listed (as OpenVINO reads ONNX's Resize), axes in another order, a 5-D tensor. */
  @ParameterizedTest(name = "{0} {1} axes {2} opset {3}")
  @CsvSource({
    "nearest, 1|3|4|5, 0|1|2|3, 1|1|0.6|0.6, 13",
    "linear_onnx, 1|3|4|5, 3|2, 2.2|0.75, 17",
    "cubic, 2|3|4|5, 3|2, 1.5|0.8, 21",
    "linear_onnx, 1|1|3|4|5, 2|3|4, 2|0.5|1.4, 21",
    "nearest, 1|1|3|4|5, 4|2, 0.7|3, 13",
  })
  void ranksAndAxes(String mode, String shape, String axes, String scales, int opset) throws Exception {
    check(4, shape, Attrs.of(mode, "scales", "half_pixel", "round_prefer_ceil"), axes, scales, opset);
  }

  @ParameterizedTest(name = "{0} {1} pads {2} opset {3}")
  @CsvSource({
    "nearest, asymmetric, 0|0|1|2/0|0|2|0, 13",
    "linear_onnx, half_pixel, 0|0|1|0/0|0|0|2, 17",
    "cubic, align_corners, 0|1|1|1/1|0|1|1, 21",
  })
  void withPads(String mode, String coord, String pads, int opset) throws Exception {
    check(11, "1|2|4|5", Attrs.of(mode, "scales", coord, "floor").pads(pads), "2|3", "1.5|0.7", opset);
  }

  @ParameterizedTest(name = "opset {0}")
  @CsvSource({"13", "17", "21"})
  void dynamicLengths(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("interpolate11_runtime_scales_dyn");
    String x = ir.parameter("x", ElementType.F32, "1,2,?,?");
    String scales = ir.parameter("scales", ElementType.F32, "2");
    ir.result(ir.op("Interpolate", 11, Attrs.of("linear_onnx", "scales", "half_pixel", "floor").ir(4), x, scales,
        ir.ints("axes", 2, 3)));
    OpCheck.of(ir, dir).shape("x", 1, 2, 4, 30).input("scales", floats(ElementType.F32, "0.49999997|2.1")).opset(opset).run();
  }

  @ParameterizedTest(name = "nearest on {0}")
  @CsvSource({"I32", "U8", "F16"})
  void nearestOnOtherTypes(String type) throws Exception {
    OpCheck.of(model(11, "1|2|3|4", Attrs.of("nearest", "scales", "asymmetric", "floor"), "2|3", ElementType.F32, type), dir)
        .input("scales", floats(ElementType.F32, "2.5|0.49999997")).run();
  }

  @Test
  void halfPrecisionScales() throws Exception {
    OpCheck.of(model(4, "1|2|6|5", Attrs.of("linear_onnx", "scales", "asymmetric", "floor"), "2|3", ElementType.F16, "F32"), dir)
        .input("scales", floats(ElementType.F16, "1.5|0.7")).run();
  }

  @ParameterizedTest(name = "{0} opset {1}")
  @CsvSource({"bilinear_pillow, 18", "bicubic_pillow, 21"})
  void pillow(String mode, int opset) throws Exception {
    check(11, "1|2|8|9", Attrs.of(mode, "scales", "asymmetric", "floor").cube(-0.5), "2|3", "0.6|1.5", opset);
  }

  /** Constant scales on dynamic lengths in a Pillow mode: the sizes are computed in the graph. */
  @ParameterizedTest(name = "opset {0}")
  @CsvSource({"18", "21"})
  void pillowOnDynamicLengths(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("interpolate11_pillow_dyn");
    String x = ir.parameter("x", ElementType.F32, "1,2,?,?");
    ir.result(ir.op("Interpolate", 11, Attrs.of("bilinear_pillow", "scales", "asymmetric", "floor").ir(4), x,
        ir.constant("scales", ElementType.F32, new long[] {2}, 2, 0.5), ir.ints("axes", 2, 3)));
    OpCheck.of(ir, dir).shape("x", 1, 2, 5, 8).opset(opset).run().assertUsesOp("Resize");
  }

  @Test
  void nearestSimpleIsRefused() {
    assertThrows(ConversionException.class,
        () -> check(11, "1|2|6|9", Attrs.of("nearest", "scales", "asymmetric", "simple"), "2|3", "2|2", 13));
  }

  @Test
  void linearAntialiasIsRefused() {
    assertThrows(ConversionException.class, () -> check(4, "1|1|6|12|10",
        Attrs.of("linear", "scales", "half_pixel", "floor").antialias(true), "2|3|4", "0.5|0.5|0.5", 21));
  }
}
