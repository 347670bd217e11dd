package org.ov2onnx.convert.ops.spatial;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class InterpolateConverterTest {
  @TempDir Path dir;

  /** Interpolate-4/11 attributes; pads as IR text ("0,0,1,1"), empty for none. */
  record Attrs(String mode, String calc, String coord, String nearest, boolean antialias, String pads, double cube) {
    static Attrs of(String mode, String calc, String coord, String nearest) {
      return new Attrs(mode, calc, coord, nearest, false, "", -0.75);
    }

    Attrs antialias(boolean on) {
      return new Attrs(mode, calc, coord, nearest, on, pads, cube);
    }

    Attrs pads(String p) {
      return new Attrs(mode, calc, coord, nearest, antialias, p, cube);
    }

    Attrs cube(double c) {
      return new Attrs(mode, calc, coord, nearest, antialias, pads, c);
    }

    Map<String, String> ir(int rank) {
      String zeros = String.join(",", java.util.Collections.nCopies(rank, "0"));
      Map<String, String> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("shape_calculation_mode", calc);
      m.put("coordinate_transformation_mode", coord);
      m.put("nearest_mode", nearest);
      m.put("antialias", Boolean.toString(antialias));
      m.put("pads_begin", pads.isEmpty() ? zeros : shape(pads.split("/")[0]));
      m.put("pads_end", pads.isEmpty() ? zeros : shape(pads.split("/")[1]));
      m.put("cube_coeff", Double.toString(cube));
      return m;
    }
  }

  static long[] longs(String csv) {
    return csv.isEmpty() ? new long[0] : Arrays.stream(csv.split("\\|")).mapToLong(Long::parseLong).toArray();
  }

  static double[] doubles(String csv) {
    return Arrays.stream(csv.split("\\|")).mapToDouble(Double::parseDouble).toArray();
  }

  static String shape(String pipes) {
    return pipes.replace('|', ',');
  }

  static int rank(String pipes) {
    return pipes.split("\\|").length;
  }

  /** Interpolate-4: sizes and scales are both given; {@code axes} "" for none. */
  static IrBuilder v4(String shape, Attrs a, String sizes, String scales, String axes) {
    IrBuilder ir = new IrBuilder("interpolate4");
    String x = ir.parameter("x", ElementType.F32, shape(shape));
    String sz = ir.ints("sizes", longs(sizes));
    double[] sc = doubles(scales);
    String s = ir.constant("scales", ElementType.F32, new long[] {sc.length}, sc);
    String y = axes.isEmpty()
        ? ir.op("Interpolate", 4, a.ir(rank(shape)), x, sz, s)
        : ir.op("Interpolate", 4, a.ir(rank(shape)), x, sz, s, ir.ints("axes", longs(axes)));
    ir.result(y);
    return ir;
  }

  /** Interpolate-11: one shape input, sizes (i64) or scales (f32) by the attribute. */
  static IrBuilder v11(String shape, Attrs a, String values, String axes) {
    IrBuilder ir = new IrBuilder("interpolate11");
    String x = ir.parameter("x", ElementType.F32, shape(shape));
    String v = a.calc().equals("sizes")
        ? ir.ints("sizes", longs(values))
        : ir.constant("scales", ElementType.F32, new long[] {doubles(values).length}, doubles(values));
    String y = axes.isEmpty()
        ? ir.op("Interpolate", 11, a.ir(rank(shape)), x, v)
        : ir.op("Interpolate", 11, a.ir(rank(shape)), x, v, ir.ints("axes", longs(axes)));
    ir.result(y);
    return ir;
  }

  /** Interpolate-1 with a constant target_spatial_shape. */
  static IrBuilder v1(String shape, String mode, boolean alignCorners, boolean antialias, String axes, String sizes,
      String padsBegin, String padsEnd) {
    IrBuilder ir = new IrBuilder("interpolate1");
    String x = ir.parameter("x", ElementType.F32, shape(shape));
    Map<String, String> m = new LinkedHashMap<>();
    m.put("axes", shape(axes));
    m.put("mode", mode);
    m.put("align_corners", Boolean.toString(alignCorners));
    m.put("antialias", Boolean.toString(antialias));
    m.put("pads_begin", shape(padsBegin));
    m.put("pads_end", shape(padsEnd));
    ir.result(ir.op("Interpolate", 1, m, x, ir.ints("sizes", longs(sizes))));
    return ir;
  }

  static Tensor int64s(long... values) {
    double[] d = Arrays.stream(values).asDoubleStream().toArray();
    ByteBuffer bytes = TensorBytes.encode(ElementType.I64, d);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    return Tensor.of(ElementType.I64, new long[] {values.length}, direct);
  }

  static final String[] COORDS = {"half_pixel", "pytorch_half_pixel", "asymmetric", "align_corners"};
  static final String[] NEAREST = {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil", "simple"};

  @Nested
  class Version4 {
    /** Every (first, second) pair, once upsampling and once downsampling, cycling through the opsets. */
    static Stream<Arguments> grid(String[] first, String[] second, String up, String down, int... opsets) {
      List<Arguments> all = new ArrayList<>();
      int k = 0;
      for (String f : first) {
        for (String g : second) {
          for (String sizes : new String[] {up, down}) {
            all.add(Arguments.of(f, g, sizes, opsets[k++ % opsets.length]));
          }
        }
      }
      return all.stream();
    }

    static Stream<Arguments> nearestCombinations() {
      return grid(COORDS, NEAREST, "7|9", "3|2", 13, 18, 21);
    }

    @ParameterizedTest(name = "{0} {1} to {2} at opset {3}")
    @MethodSource("nearestCombinations")
    void nearestBySizes(String coord, String nearest, String sizes, int opset) throws Exception {
      OpCheck.of(v4("1|2|5|4", Attrs.of("nearest", "sizes", coord, nearest), sizes, "1|1", "2|3"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    static Stream<Arguments> smoothCombinations() {
      return grid(new String[] {"linear_onnx", "linear", "cubic"}, COORDS, "9|11", "3|2", 13, 17, 21);
    }

    @ParameterizedTest(name = "{0} {1} to {2} at opset {3}")
    @MethodSource("smoothCombinations")
    void smoothBySizes(String mode, String coord, String sizes, int opset) throws Exception {
      OpCheck.of(v4("2|3|5|6", Attrs.of(mode, "sizes", coord, "round_prefer_floor"), sizes, "1|1", "2|3"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @ParameterizedTest(name = "{0} {1} {2} scales {3} at opset {4}")
    @CsvSource({
      "nearest, asymmetric, floor, 2|2, 13",
      "nearest, half_pixel, round_prefer_floor, 0.5|0.5, 17",
      "nearest, asymmetric, simple, 0.5|0.5, 21",
      "nearest, half_pixel, round_prefer_ceil, 1.5|2.5, 21",
      "linear_onnx, half_pixel, floor, 0.7|1.5, 13",
      "linear, align_corners, floor, 0.3|0.6, 18",
      "linear, pytorch_half_pixel, floor, 1.3|0.5, 21",
      "cubic, half_pixel, floor, 0.7|1.7, 17",
      "cubic, asymmetric, floor, 2|3, 13",
    })
    void byScales(String mode, String coord, String nearest, String scales, int opset) throws Exception {
      OpCheck.of(v4("1|2|10|6", Attrs.of(mode, "scales", coord, nearest), "1|1", scales, "2|3"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linear", "linear_onnx", "cubic"})
    void scaleWhoseLengthsDisagreeIsNudged(String mode) throws Exception {
      // 30 * 2.1f is 62.99999..: ONNX takes 62, OpenVINO (scale + 1e-6) 63.
      OpCheck.of(v4("1|1|30|4", Attrs.of(mode, "scales", "half_pixel", "floor"), "1|1", "2.1|1.5", "2|3"), dir).run();
    }

    /** Nearest cannot take a nudged scale (a moved coordinate can pick another pixel): the data is extended and cut. */
    @ParameterizedTest(name = "{0} at opset {1}")
    @CsvSource({"half_pixel, 13", "asymmetric, 17", "pytorch_half_pixel, 21"})
    void scaleWhoseLengthsDisagreeIsExactForNearest(String coord, int opset) throws Exception {
      OpCheck.of(v4("1|1|30|4", Attrs.of("nearest", "scales", coord, "floor"), "1|1", "2.1|0.49999997", "2|3"), dir)
          .opset(opset).run().assertUsesOp("Slice");
    }

    @ParameterizedTest(name = "{0} rank {1} axes {2} sizes {3} opset {4}")
    @CsvSource({
      "nearest, 2|3|4, 1|2, 6|3, 13",
      "nearest, 2|3|4, 2, 7, 18",
      "linear, 2|3|4, 2, 7, 13",
      "linear, 2|3|4, 1|2, 5|9, 21",
      "linear_onnx, 1|2|3|4|5, 2|3|4, 5|6|3, 13",
      "linear, 1|2|3|4|5, 2|3|4, 5|6|3, 18",
      "cubic, 1|3|4|5, 2|1, 8|5, 21",
      "nearest, 1|2|3|4|5, 3|1, 7|5, 17",
      "linear, 3|4|5|6, 0|1|2|3, 3|4|3|8, 13",
      "linear, 3|4|5|6, 2|1, 8|2, 21",
      "cubic, 4|6, 0|1, 7|3, 13",
    })
    void ranksAndAxes(String mode, String shape, String axes, String sizes, int opset) throws Exception {
      String ones = String.join("|", java.util.Collections.nCopies(longs(axes).length, "1"));
      OpCheck.of(v4(shape, Attrs.of(mode, "sizes", "half_pixel", "round_prefer_ceil"), sizes, ones, axes), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @Test
    void withoutAxesInputAllAxesResize() throws Exception {
      OpCheck.of(v4("1|2|4|4", Attrs.of("linear", "sizes", "asymmetric", "floor"), "1|2|7|3", "1|1|1|1", ""), dir)
          .opset(13).run();
    }

    @ParameterizedTest(name = "{0} {1} pads {2} opset {3}")
    @CsvSource({
      "nearest, asymmetric, 0|0|1|2/0|0|2|0, 13",
      "nearest, half_pixel, 0|0|1|1/0|0|1|1, 21",
      "linear_onnx, half_pixel, 0|0|1|0/0|0|0|2, 17",
      "linear, align_corners, 0|1|1|1/1|0|1|1, 13",
      "cubic, asymmetric, 0|0|2|2/0|0|0|0, 21",
    })
    void pads(String mode, String coord, String pads, int opset) throws Exception {
      OpCheck.of(v4("1|2|4|5", Attrs.of(mode, "sizes", coord, "round_prefer_floor").pads(pads), "9|5", "1|1", "2|3"), dir)
          .opset(opset).run().assertUsesOp("Pad").assertUsesOp("Resize");
    }

    @ParameterizedTest(name = "nearest {0} {1} pads {2} to {3}")
    @CsvSource({
      "asymmetric, simple, 0|0|1|0/0|0|1|2, 3|4",
      "asymmetric, ceil, 0|0|1|0/0|0|0|0, 7|9",
      "asymmetric, floor, 0|0|0|2/0|0|2|0, 3|11",
      "half_pixel, ceil, 0|0|1|0/0|0|0|0, 7|9",
      "align_corners, round_prefer_ceil, 0|0|0|1/0|0|1|0, 7|2",
    })
    void nearestWithPads(String coord, String nearest, String pads, String sizes) throws Exception {
      OpCheck.of(v4("1|2|4|5", Attrs.of("nearest", "sizes", coord, nearest).pads(pads), sizes, "1|1", "2|3"), dir)
          .opset(17).run().assertUsesOp("Pad");
    }

    @ParameterizedTest(name = "nearest on {0}")
    @CsvSource({"i32", "u8", "i8", "f16"})
    void nearestOnOtherTypes(String type) throws Exception {
      IrBuilder ir = new IrBuilder("interpolate4_" + type);
      String x = ir.parameter("x", ElementType.valueOf(type.toUpperCase()), "1,2,3,4");
      ir.result(ir.op("Interpolate", 4, Attrs.of("nearest", "sizes", "asymmetric", "floor").ir(4), x, ir.ints("sizes", 6, 2),
          ir.constant("scales", ElementType.F32, new long[] {2}, 1, 1), ir.ints("axes", 2, 3)));
      OpCheck.of(ir, dir).run();
    }

    @ParameterizedTest(name = "linear antialias {0} to {1} at opset {2}")
    @CsvSource({
      "1|1|6|12|10, 3|5|4, 18",
      "1|2|6|12|10, 6|3|7, 21",
      "2|1|9|9|4, 4|4|4, 18",
      "1|1|9|6|3, 4|6|3, 21",
    })
    void linearAntialiasIn5d(String shape, String sizes, int opset) throws Exception {
      OpCheck.of(v4(shape, Attrs.of("linear", "sizes", "half_pixel", "floor").antialias(true), sizes, "1|1|1", "2|3|4"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @Test
    void linearAntialiasBelowRank5IsRefused() {
      // OpenVINO's CPU plugin runs it as linear_onnx (no filter), its specification filters.
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v4("1|1|12|10", Attrs.of("linear", "sizes", "half_pixel", "floor").antialias(true), "5|4", "1|1", "2|3"), dir)
          .opset(18).run());
    }

    @Test
    void linearAntialiasUpsamplingIn5dIsRefused() {
      // OpenVINO's CPU plugin narrows the filter on upsampled axes.
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v4("1|1|4|6|3", Attrs.of("linear", "sizes", "half_pixel", "floor").antialias(true), "8|9|5", "1|1|1", "2|3|4"),
          dir).opset(21).run());
    }

    @Test
    void linearAntialiasBelowOpset18IsRefused() {
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v4("1|1|6|12|10", Attrs.of("linear", "sizes", "half_pixel", "floor").antialias(true), "3|5|4", "1|1|1", "2|3|4"),
          dir).opset(17).run());
    }

    @Test
    void linearAntialiasUpsamplingIsPlainLinear() throws Exception {
      OpCheck.of(v4("1|1|4|6", Attrs.of("linear", "sizes", "half_pixel", "floor").antialias(true), "8|9", "1|1", "2|3"), dir)
          .opset(13).run().assertUsesOp("Resize");
    }

    @ParameterizedTest(name = "{0} ignores antialias")
    @CsvSource({"nearest", "linear_onnx", "cubic"})
    // OpenVINO's reference and CPU plugin use antialias in mode linear only.
    void antialiasIsIgnoredOutsideLinear(String mode) throws Exception {
      OpCheck.of(v4("1|1|12|10", Attrs.of(mode, "sizes", "half_pixel", "floor").antialias(true), "5|4", "1|1", "2|3"), dir)
          .opset(13).run();
    }

    @ParameterizedTest(name = "cube_coeff {0}")
    @CsvSource({"-0.5", "-0.75"})
    void cubeCoeff(double c) throws Exception {
      OpCheck.of(v4("1|1|5|6", Attrs.of("cubic", "sizes", "half_pixel", "floor").cube(c), "9|4", "1|1", "2|3"), dir).run();
    }

    @ParameterizedTest(name = "dynamic sizes at opset {0}")
    @CsvSource({"13", "18", "21"})
    void runtimeSizes(int opset) throws Exception {
      IrBuilder ir = new IrBuilder("interpolate4_runtime_sizes");
      String x = ir.parameter("x", ElementType.F32, "?,2,5,6");
      String sizes = ir.parameter("sizes", ElementType.I64, "2");
      String scales = ir.constant("scales", ElementType.F32, new long[] {2}, 1, 1);
      ir.result(ir.op("Interpolate", 4, Attrs.of("linear_onnx", "sizes", "half_pixel", "floor").ir(4), x, sizes, scales,
          ir.ints("axes", 2, 3)));
      OpCheck.Outcome out = OpCheck.of(ir, dir).shape("x", 2, 2, 5, 6).input("sizes", int64s(8, 3)).opset(opset).run();
      if (opset < 18) {
        out.assertUsesOp("ScatterElements");
      } else {
        out.assertNoOp("ScatterElements");
      }
    }

    @Test
    void runtimeSizesWithSimpleNearestAreRefused() {
      // simple rounds by direction, unknown until the sizes arrive
      IrBuilder ir = new IrBuilder("interpolate4_runtime_simple");
      String x = ir.parameter("x", ElementType.F32, "1,2,5,6");
      String sizes = ir.parameter("sizes", ElementType.I64, "2");
      ir.result(ir.op("Interpolate", 4, Attrs.of("nearest", "sizes", "asymmetric", "simple").ir(4), x, sizes,
          ir.constant("scales", ElementType.F32, new long[] {2}, 1, 1), ir.ints("axes", 2, 3)));
      assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).input("sizes", int64s(8, 3)).run());
    }

    @Test
    void dynamicBatchWithConstantSizes() throws Exception {
      OpCheck.of(v4("?|2|5|6", Attrs.of("nearest", "sizes", "asymmetric", "floor"), "10|3", "1|1", "2|3"), dir)
          .shape("x", 3, 2, 5, 6).opset(13).run().assertUsesOp("ScatterElements");
    }

    /** A non-integer constant scale on a dynamic length: OpenVINO's length is computed in the graph. */
    @ParameterizedTest(name = "{0} at opset {1}")
    @CsvSource({"linear, 13", "nearest, 17", "cubic, 21"})
    void dynamicSpatialLengthWithNonIntegerScale(String mode, int opset) throws Exception {
      OpCheck.of(v4("1|2|?|?", Attrs.of(mode, "scales", "half_pixel", "floor"), "1|1", "1.5|2.1", "2|3"), dir)
          .shape("x", 1, 2, 4, 30).opset(opset).run().assertUsesOp("Slice");
    }

    @Test
    void dynamicSpatialLengthWithIntegerScale() throws Exception {
      OpCheck.of(v4("1|2|?|?", Attrs.of("nearest", "scales", "asymmetric", "floor"), "1|1", "2|3", "2|3"), dir)
          .shape("x", 1, 2, 3, 4).opset(13).run();
    }

    @ParameterizedTest(name = "refused: {0}")
    @CsvSource({
      "tf_half_pixel_for_nn nearest, nearest, sizes, tf_half_pixel_for_nn, round_prefer_floor, false, 9|2, 1|1, 17",
      "simple with mixed directions, nearest, sizes, asymmetric, simple, false, 9|2, 1|1, 17",
      "antialias mixed directions, linear, sizes, half_pixel, floor, true, 9|2, 1|1, 21",
    })
    void refused(String why, String mode, String calc, String coord, String nearest, boolean aa, String sizes,
        String scales, int opset) {
      String shape = why.contains("dynamic") ? "1|2|?|4" : "1|2|4|4";
      Attrs a = Attrs.of(mode, calc, coord, nearest).antialias(aa);
      assertThrows(ConversionException.class,
          () -> OpCheck.of(v4(shape, a, sizes, scales, "2|3"), dir).shape("x", 1, 2, 4, 4).opset(opset).run());
    }
  }

  @Nested
  class Version11 {
    @ParameterizedTest(name = "{0} {1} {2} {3} at opset {4}")
    @CsvSource({
      "nearest, sizes, asymmetric, 9|3, 13",
      "linear, scales, half_pixel, 1.5|0.5, 17",
      "linear_onnx, sizes, align_corners, 7|7, 21",
      "cubic, scales, pytorch_half_pixel, 2|0.75, 21",
    })
    void classicModes(String mode, String calc, String coord, String values, int opset) throws Exception {
      OpCheck.of(v11("1|3|6|4", Attrs.of(mode, calc, coord, "round_prefer_floor"), values, "2|3"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @Test
    void withoutAxes() throws Exception {
      OpCheck.of(v11("2|3|4", Attrs.of("nearest", "sizes", "half_pixel", "ceil"), "2|5|9", ""), dir).opset(13).run();
    }

    @ParameterizedTest(name = "{0} {1} {2} cube {3} at opset {4}")
    @CsvSource({
      "bilinear_pillow, sizes, 12|5, -0.5, 18",
      "bilinear_pillow, sizes, 5|9, -0.5, 21",
      "bilinear_pillow, scales, 0.5|0.4, -0.75, 18",
      "bicubic_pillow, sizes, 12|5, -0.5, 18",
      "bicubic_pillow, sizes, 5|3, -0.5, 21",
      "bicubic_pillow, sizes, 12|9, -0.5, 18",
      "bicubic_pillow, scales, 2|1.5, -0.5, 21",
    })
    void pillow(String mode, String calc, String values, double cube, int opset) throws Exception {
      OpCheck.of(v11("1|2|10|8", Attrs.of(mode, calc, "asymmetric", "floor").cube(cube), values, "2|3"), dir)
          .opset(opset).run().assertUsesOp("Resize");
    }

    @Test
    void pillowOnNonTrailingAxes() throws Exception {
      OpCheck.of(v11("2|10|8|3", Attrs.of("bilinear_pillow", "sizes", "half_pixel", "floor"), "4|11", "1|2"), dir)
          .opset(18).run();
    }

    @Test
    void pillowWithPads() throws Exception {
      OpCheck.of(v11("1|1|6|6", Attrs.of("bilinear_pillow", "sizes", "half_pixel", "floor").pads("0,0,1,2/0,0,2,1"),
          "4|3", "2|3"), dir).opset(18).run().assertUsesOp("Pad");
    }

    @Test
    void bicubicPillowWithAnotherCubeCoeffIsRefused() {
      // OpenVINO's reference uses cube_coeff, its CPU plugin always -0.5.
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v11("1|2|10|8", Attrs.of("bicubic_pillow", "sizes", "half_pixel", "floor"), "5|3", "2|3"), dir).opset(21).run());
    }

    @Test
    void pillowBelowOpset18IsRefused() {
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v11("1|2|10|8", Attrs.of("bilinear_pillow", "sizes", "half_pixel", "floor"), "5|4", "2|3"), dir).opset(17).run());
    }
  }

  @Nested
  class Version1 {
    @ParameterizedTest(name = "{0} {1} align {2} axes {3} to {4} opset {5}")
    @CsvSource({
      "nearest, 1|2|4|5, false, 2|3, 8|10, 13",
      "nearest, 1|2|8|6, false, 2|3, 3|4, 21",
      "nearest, 1|2|4|5, true, 2|3, 7|8, 17",
      "nearest, 1|2|4|5, false, 2|3, 3|2, 13",
      "linear, 1|2|4|5, false, 2|3, 7|9, 13",
      "linear, 1|2|4|5, true, 2|3, 7|9, 21",
      "linear, 1|4|5|2, false, 1|2, 7|3, 17",
      "linear, 2|6|5, false, 2, 9, 13",
      "linear, 1|2|3|4|5, false, 2|3|4, 5|7|3, 21",
      "linear, 1|2|3|4|5, true, 2|3|4, 5|7|3, 13",
      "cubic, 1|2|4|5, false, 2|3, 9|3, 13",
      "cubic, 1|2|4|5, true, 2|3, 9|3, 21",
      "linear_onnx, 1|2|4|5, false, 2|3, 9|3, 18",
    })
    void modes(String mode, String shape, boolean align, String axes, String sizes, int opset) throws Exception {
      String zeros = String.join("|", java.util.Collections.nCopies(rank(shape), "0"));
      OpCheck.of(v1(shape, mode, align, false, axes, sizes, zeros, zeros), dir).opset(opset).run()
          .assertUsesOp("Resize");
    }

    @ParameterizedTest(name = "{0} pads {1}/{2} to {3}")
    @CsvSource({
      "nearest, 0|0|1|1, 0|0|1|1, 12|7",
      "linear, 0|0|1|0, 0|0|0|2, 5|9",
      "cubic, 0|0|2|0, 0|0|0|1, 9|4",
    })
    void pads(String mode, String begin, String end, String sizes) throws Exception {
      OpCheck.of(v1("1|2|4|5", mode, false, false, "2|3", sizes, begin, end), dir).run().assertUsesOp("Pad");
    }

    @Test
    void nearestDownsamplingWithPads() throws Exception {
      OpCheck.of(v1("1|2|5|7", "nearest", false, false, "2|3", "3|4", "0|0|1|0", "0|0|1|2"), dir).run().assertUsesOp("Pad");
    }

    @Test
    void antialiasedLinearIn5d() throws Exception {
      OpCheck.of(v1("1|1|8|8|8", "linear", false, true, "2|3|4", "3|4|5", "0|0|0|0|0", "0|0|0|0|0"), dir).opset(18).run();
    }

    @Test
    void areaIsRefused() {
      assertThrows(ConversionException.class, () -> OpCheck.of(
          v1("1|2|4|4", "area", false, false, "2|3", "2|2", "0|0|0|0", "0|0|0|0"), dir).run());
    }
  }
}
