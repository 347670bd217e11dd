package org.ov2onnx.convert.ops.spatial;

import java.util.Arrays;
import java.util.Optional;
import org.ov2onnx.convert.ops.spatial.InterpolateSpec.Mode;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * Writes an {@link InterpolateSpec} as ONNX: a Pad (zeros) when pads are given, then one Resize.
 *
 * <p>What it keeps exact, following OpenVINO's CPU plugin and shape inference:
 *
 * <ul>
 *   <li>scales mode: OpenVINO's output length is {@code (long) (length * (scale + 1e-6f))}, ONNX's
 *       {@code (long) (length * scale)}. Where they differ, linear and cubic get the scale plus
 *       that epsilon (the coordinates then move by about 1e-6 of a pixel); nearest, where a moved
 *       coordinate can pick another pixel, is written as for scales known only at run time
 *       ({@link InterpolateRunTimeScales}: exact coordinates, the data extended and the result
 *       cut). Where the output length equals the input length OpenVINO maps coordinates to
 *       themselves, so ONNX gets the scale 1.
 *   <li>sizes mode: both compute the scale as output length / input length (padded).
 *   <li>nearest_mode simple is ceil on downsampled axes and truncation (here floor, the same after
 *       clamping) otherwise: one ONNX nearest_mode, so all resized axes must go the same way.
 *   <li>mode linear with antialias stretches the triangle filter on downsampling and renormalizes
 *       the weights of the taps inside the input: ONNX's antialias (opset 18) with
 *       exclude_outside, for downsampled (and unchanged) axes at rank 5. On upsampled axes
 *       OpenVINO's CPU plugin narrows the filter, which ONNX cannot express; below rank 5 it runs
 *       linear as linear_onnx, without the filter the specification describes. Both are refused.
 *   <li>the Pillow modes resample with a filter stretched on downsampling, weights renormalized
 *       inside the input and the scale output/input, whatever coordinate_transformation_mode says:
 *       ONNX's antialias with exclude_outside, half_pixel coordinates and explicit sizes.
 * </ul>
 */
final class InterpolateResize {
  private static final float EPSILON = 1.0e-6f;

  private InterpolateResize() {}

  /** What the node asks for on each interpolated axis. */
  record Target(long[] lengths, float[] scales, float[] onnxScales, String dynamicSizes) {}

  static void emit(NodeView node, GraphBuilder graph, InterpolateSpec s) throws ConversionException {
    ElementType type = node.inputType(0);
    boolean floating = type == ElementType.F32 || type == ElementType.F16 || type == ElementType.BF16 || type == ElementType.F64;
    if (s.mode() != Mode.NEAREST && !floating) {
      throw node.error("mode " + s.mode().name().toLowerCase() + " on " + type
          + " data: OpenVINO rounds integer results its own way; only nearest is converted for integer types");
    }
    long[] in = paddedLengths(node, s);
    String x = node.input(0);
    if (s.padded()) {
      long[] pads = new long[2 * s.rank()];
      System.arraycopy(s.padsBegin(), 0, pads, 0, s.rank());
      System.arraycopy(s.padsEnd(), 0, pads, s.rank(), s.rank());
      x = graph.addOne(OnnxNode.op("Pad").inputs(x, graph.int64s(false, pads)));
    }
    Target t = s.bySizes() ? bySizes(node, graph, s, in)
        : node.constantInput(s.shapeInput()).isPresent() ? byScales(node, s, in) : null;
    boolean useSizes = s.bySizes() || pillow(s);
    if (t == null || !s.bySizes() && useSizes && Arrays.stream(t.lengths()).anyMatch(length -> length < 0)) {
      // the Pillow modes take sizes: on dynamic lengths those are computed in the graph
      InterpolateRunTimeScales.emit(node, graph, s, x, in);
      return;
    }
    OnnxNode resize = resize(node, graph, s, t, in);
    boolean axesAttr = resize.attributes().containsKey("axes");
    String shape = useSizes ? sizesInput(graph, s, t, in, x, axesAttr) : scalesInput(graph, s, t, axesAttr);
    resize.inputs(x, "", useSizes ? "" : shape);
    if (useSizes) {
      resize.inputs(shape);
    }
    graph.add(resize.outputs(node.output(0)));
  }

  static boolean pillow(InterpolateSpec s) {
    return s.mode() == Mode.BILINEAR_PILLOW || s.mode() == Mode.BICUBIC_PILLOW;
  }

  /**
   * A Resize node with every attribute the spec asks for (no inputs yet): mode, coordinates,
   * nearest_mode, antialias, cubic coefficient, and {@code axes} from opset 18 unless all axes are
   * resized in order. Refuses what ONNX cannot express.
   */
  static OnnxNode resize(NodeView node, GraphBuilder graph, InterpolateSpec s, Target t, long[] in) throws ConversionException {
    OnnxNode resize = OnnxNode.op("Resize");
    switch (s.mode()) {
      case NEAREST -> resize.attr("mode", "nearest").attr("coordinate_transformation_mode", coordinate(node, s))
          .attr("nearest_mode", nearestMode(node, s, t, in));
      case LINEAR_ONNX -> resize.attr("mode", "linear").attr("coordinate_transformation_mode", coordinate(node, s));
      case LINEAR -> {
        resize.attr("mode", "linear").attr("coordinate_transformation_mode", coordinate(node, s));
        if (antialiasActive(node, s, t)) {
          requireOpset18(node, graph, "antialias on downsampling");
          resize.attr("antialias", 1L).attr("exclude_outside", 1L);
        }
      }
      case CUBIC -> resize.attr("mode", "cubic").attr("coordinate_transformation_mode", coordinate(node, s))
          .attr("cubic_coeff_a", s.cubeCoeff());
      case BILINEAR_PILLOW, BICUBIC_PILLOW -> {
        requireOpset18(node, graph, "the Pillow modes (antialias)");
        if (s.axes().length != 2) {
          throw node.error("the Pillow modes need exactly two axes, got " + Arrays.toString(s.axes()));
        }
        resize.attr("mode", s.mode() == Mode.BILINEAR_PILLOW ? "linear" : "cubic")
            .attr("coordinate_transformation_mode", "half_pixel").attr("antialias", 1L).attr("exclude_outside", 1L);
        if (s.mode() == Mode.BICUBIC_PILLOW) {
          if ((float) s.cubeCoeff() != -0.5f) {
            throw node.error("bicubic_pillow with cube_coeff " + s.cubeCoeff() + ": OpenVINO's specification uses it, "
                + "its CPU plugin always Pillow's -0.5; only -0.5 converts");
          }
          resize.attr("cubic_coeff_a", -0.5);
        }
      }
    }
    int[] axes = s.axes();
    if (graph.opset() >= 18 && !isIdentity(axes, s.rank())) {
      resize.attr("axes", Arrays.stream(axes).asLongStream().toArray());
    }
    return resize;
  }

  /** The data lengths after padding; -1 where dynamic. */
  private static long[] paddedLengths(NodeView node, InterpolateSpec s) {
    PartialShape shape = node.inputShape(0);
    long[] in = new long[s.rank()];
    for (int d = 0; d < in.length; d++) {
      Dimension dim = shape.dims().get(d);
      in[d] = dim.isStatic() ? dim.length() + s.padsBegin()[d] + s.padsEnd()[d] : -1;
    }
    return in;
  }

  private static Target bySizes(NodeView node, GraphBuilder graph, InterpolateSpec s, long[] in) throws ConversionException {
    int n = s.axes().length;
    int input = s.shapeInput();
    Optional<ConstantData> constant = node.constantInput(input);
    long[] lengths = new long[n];
    float[] scales = new float[n];
    if (constant.isPresent()) {
      long[] sizes = node.constantInts(input);
      if (sizes.length < n) {
        throw node.error("has " + sizes.length + " sizes for " + n + " axes");
      }
      for (int i = 0; i < n; i++) {
        long length = in[s.axes()[i]];
        lengths[i] = sizes[i];
        scales[i] = length < 0 ? Float.NaN : (float) sizes[i] / (float) length;
      }
      return new Target(lengths, scales, null, null);
    }
    PartialShape shape = node.inputShape(input);
    if (shape.isRankDynamic() || shape.rank() != 1 || !shape.dims().get(0).isStatic() || shape.dims().get(0).length() != n) {
      throw node.error("a non-constant sizes input must hold exactly one value per axis (" + n + "), its shape is " + shape);
    }
    Arrays.fill(lengths, -1);
    Arrays.fill(scales, Float.NaN);
    String sizes = node.inputType(input) == ElementType.I64 ? node.input(input) : graph.cast(node.input(input), ElementType.I64);
    return new Target(lengths, scales, null, sizes);
  }

  /**
   * Constant scales as one Resize input; null where no single scale gives both OpenVINO's length
   * and its coordinates (a dynamic length with a non-integer scale, nearest where the lengths
   * differ): the caller then computes the lengths in the graph, as for run-time scales.
   */
  private static Target byScales(NodeView node, InterpolateSpec s, long[] in) throws ConversionException {
    int n = s.axes().length;
    int input = s.shapeInput();
    double[] given = node.constantDoubles(input);
    if (given.length < n) {
      throw node.error("has " + given.length + " scales for " + n + " axes");
    }
    long[] lengths = new long[n];
    float[] scales = new float[n];
    float[] onnx = new float[n];
    for (int i = 0; i < n; i++) {
      int axis = s.axes()[i];
      float scale = (float) given[i];
      scales[i] = scale;
      onnx[i] = scale;
      if (in[axis] < 0) {
        if (scale != Math.rint(scale) || scale < 1) {
          return null;
        }
        lengths[i] = -1;
        continue;
      }
      float length = in[axis];
      lengths[i] = scale == 1f ? in[axis] : (long) (length * (scale + EPSILON));
      if (lengths[i] == in[axis]) {
        onnx[i] = 1f;
      } else if ((long) (length * scale) != lengths[i]) {
        float nudged = scale + EPSILON;
        if (s.mode() == Mode.NEAREST || (long) (length * nudged) != lengths[i]) {
          return null;
        }
        onnx[i] = nudged;
      }
    }
    return new Target(lengths, scales, onnx, null);
  }

  private static String coordinate(NodeView node, InterpolateSpec s) throws ConversionException {
    String mode = s.coordinate();
    return switch (mode) {
      case "half_pixel", "pytorch_half_pixel", "asymmetric", "align_corners" -> mode;
      case "tf_half_pixel_for_nn" -> throw node.error(
          "coordinate_transformation_mode tf_half_pixel_for_nn left ONNX's Resize at opset 13");
      default -> throw node.error("coordinate_transformation_mode '" + mode + "' is not known");
    };
  }

  private static String nearestMode(NodeView node, InterpolateSpec s, Target t, long[] in) throws ConversionException {
    String mode = s.nearest();
    switch (mode) {
      case "round_prefer_floor", "round_prefer_ceil", "floor", "ceil" -> {
        return mode;
      }
      case "simple" -> {
        boolean down = false;
        boolean up = false;
        for (int i = 0; i < t.lengths().length; i++) {
          long length = in[s.axes()[i]];
          if (length >= 0 && t.lengths()[i] == length) {
            continue;
          }
          if (Float.isNaN(t.scales()[i])) {
            throw node.error("nearest_mode simple rounds up on downsampled axes only; with sizes or input lengths "
                + "unknown before running, which axes those are cannot be decided");
          }
          down |= t.scales()[i] < 1f;
          up |= t.scales()[i] >= 1f;
        }
        if (down && up) {
          throw node.error("nearest_mode simple with both up- and downsampled axes: OpenVINO rounds them differently, "
              + "ONNX's Resize has one nearest_mode");
        }
        return down ? "ceil" : "floor";
      }
      default -> throw node.error("nearest_mode '" + mode + "' is not known");
    }
  }

  /**
   * Whether OpenVINO's linear mode applies its antialias filter; refuses what ONNX cannot do. Below
   * rank 5 the CPU plugin runs linear as linear_onnx (no filter) while the specification filters
   * when an axis is downsampled; at rank 5 the CPU plugin filters every axis with the factor
   * {@code scale}, which narrows the filter on upsampled axes.
   */
  private static boolean antialiasActive(NodeView node, InterpolateSpec s, Target t) throws ConversionException {
    if (!s.antialias()) {
      return false;
    }
    boolean down = false;
    boolean up = false;
    for (float scale : t.scales()) {
      if (Float.isNaN(scale)) {
        throw node.error("antialias depends on whether an axis is up- or downsampled; with sizes or input lengths "
            + "unknown before running this cannot be decided");
      }
      down |= scale < 1f;
      up |= scale > 1f;
    }
    if (s.rank() < 5) {
      if (down) {
        throw node.error("linear with antialias on downsampling at rank " + s.rank() + ": OpenVINO's specification "
            + "filters, its CPU plugin runs rank < 5 as linear_onnx without the filter; no ONNX Resize matches both");
      }
      return false;
    }
    if (up) {
      throw node.error("linear with antialias on an upsampled axis: OpenVINO (CPU plugin) narrows the triangle filter "
          + "by the scale there, which ONNX's Resize cannot express");
    }
    return down;
  }

  private static void requireOpset18(NodeView node, GraphBuilder graph, String what) throws ConversionException {
    if (graph.opset() < 18) {
      throw node.error(what + " needs ONNX Resize's antialias (opset 18); the target opset is " + graph.opset());
    }
  }

  private static boolean isIdentity(int[] axes, int rank) {
    if (axes.length != rank) {
      return false;
    }
    for (int i = 0; i < rank; i++) {
      if (axes[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static String scalesInput(GraphBuilder graph, InterpolateSpec s, Target t, boolean axesAttr) throws ConversionException {
    int n = s.axes().length;
    double[] values = new double[axesAttr ? n : s.rank()];
    if (!axesAttr) {
      Arrays.fill(values, 1.0);
    }
    for (int i = 0; i < n; i++) {
      values[axesAttr ? i : s.axes()[i]] = t.onnxScales()[i];
    }
    return graph.constant(ElementType.F32, new long[] {values.length}, values);
  }

  static String sizesInput(GraphBuilder graph, InterpolateSpec s, Target t, long[] in, String x, boolean axesAttr)
      throws ConversionException {
    int n = s.axes().length;
    boolean known = t.dynamicSizes() == null;
    if (axesAttr) {
      return known ? graph.int64s(false, t.lengths()) : t.dynamicSizes();
    }
    long[] full = in.clone();
    for (int i = 0; i < n; i++) {
      full[s.axes()[i]] = t.lengths()[i];
    }
    if (known && Arrays.stream(full).allMatch(d -> d >= 0)) {
      return graph.int64s(false, full);
    }
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(x));
    String sizes = known ? graph.int64s(false, t.lengths()) : t.dynamicSizes();
    long[] axes = Arrays.stream(s.axes()).asLongStream().toArray();
    return graph.addOne(OnnxNode.op("ScatterElements").inputs(shape, graph.int64s(false, axes), sizes).attr("axis", 0L));
  }
}
