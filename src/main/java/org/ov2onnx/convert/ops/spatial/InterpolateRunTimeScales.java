package org.ov2onnx.convert.ops.spatial;

import java.util.Arrays;
import org.ov2onnx.convert.ops.spatial.InterpolateResize.Target;
import org.ov2onnx.convert.ops.spatial.InterpolateSpec.Mode;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * Interpolate in scales mode whose scales are known only at run time. The graph computes
 * OpenVINO's output lengths as its shape inference does, {@code (long) (length * (scale + 1e-6f))}
 * in float, the scale taken as is where it is exactly 1, and feeds ONNX's Resize so that both the
 * lengths and the coordinates are OpenVINO's:
 *
 * <ul>
 *   <li>align_corners and the Pillow modes compute coordinates from the lengths alone (OpenVINO's
 *       CPU plugin recomputes the Pillow scale as output / input): ONNX gets these lengths as
 *       sizes.
 *   <li>half_pixel, pytorch_half_pixel and asymmetric divide by the given scale, as ONNX's Resize
 *       does when given scales; ONNX's length is {@code (long) (length * scale)}, one short of
 *       OpenVINO's where {@code length * scale} is just below an integer. There the data is first
 *       extended at the end by copies of its last element (edge Pad), enough for ONNX's length to
 *       reach OpenVINO's, and the result is cut back to OpenVINO's length (Slice). The extension
 *       changes nothing in the kept part: each mode clamps positions past the end to the last
 *       element, which the copies repeat. Where OpenVINO's length equals the input length it maps
 *       every position to itself, so ONNX gets the scale 1; pytorch_half_pixel maps everything to 0
 *       at output length 1, so ONNX gets a scale giving length 1.
 * </ul>
 *
 * <p>Refused, as they depend on whether an axis is up- or downsampled: nearest_mode simple and
 * linear's antialias.
 */
final class InterpolateRunTimeScales {
  private static final double EPSILON = 1.0e-6;

  private InterpolateRunTimeScales() {}

  /** Writes the node; {@code x} is the data after Interpolate's own zero padding, {@code in} its lengths (-1 dynamic). */
  static void emit(NodeView node, GraphBuilder graph, InterpolateSpec s, String x, long[] in) throws ConversionException {
    int n = s.axes().length;
    if (Arrays.stream(s.axes()).distinct().count() != n) {
      throw node.error("axes " + Arrays.toString(s.axes()) + " name an axis twice");
    }
    long[] unknown = new long[n];
    float[] noScales = new float[n];
    Arrays.fill(unknown, -1);
    Arrays.fill(noScales, Float.NaN);
    OnnxNode resize = InterpolateResize.resize(node, graph, s, new Target(unknown, noScales, null, null), in);
    boolean axesAttr = resize.attributes().containsKey("axes");

    long[] axes = Arrays.stream(s.axes()).asLongStream().toArray();
    String scale = scales(node, graph, s.shapeInput(), n);
    String length = lengths(graph, x, in, axes);
    String lengthF = graph.cast(length, ElementType.F32);
    String one = graph.scalar(ElementType.F32, 1);
    String isOne = graph.addOne(OnnxNode.op("Equal").inputs(scale, one));
    String nudged = graph.addOne(OnnxNode.op("Where")
        .inputs(isOne, one, graph.addOne(OnnxNode.op("Add").inputs(scale, graph.scalar(ElementType.F32, EPSILON)))));
    String target = floorTimes(graph, lengthF, nudged);

    if (s.coordinate().equals("align_corners") || InterpolateResize.pillow(s)) {
      String sizes = InterpolateResize.sizesInput(graph, s, new Target(unknown, noScales, null, target), in, x, axesAttr);
      graph.add(resize.inputs(x, "", "", sizes).outputs(node.output(0)));
      return;
    }
    String unchanged = graph.addOne(OnnxNode.op("Equal").inputs(target, length));
    String onnxScale = graph.addOne(OnnxNode.op("Where").inputs(unchanged, one, scale));
    if (s.coordinate().equals("pytorch_half_pixel")) {
      String single = graph.addOne(OnnxNode.op("Equal").inputs(target, graph.int64s(true, 1)));
      String toOne = graph.addOne(OnnxNode.op("Div").inputs(graph.scalar(ElementType.F32, 1.5), lengthF));
      onnxScale = graph.addOne(OnnxNode.op("Where").inputs(single, toOne, onnxScale));
    }
    String extension = extension(graph, length, lengthF, onnxScale, target);
    String extended = graph.addOne(OnnxNode.op("Pad").inputs(x, endPads(graph, s.rank(), axes, extension)).attr("mode", "edge"));
    String scalesInput = axesAttr ? onnxScale : scatter(graph, graph.constant(ElementType.F32, new long[] {s.rank()}, ones(s.rank())), axes, onnxScale);
    String resized = graph.addOne(resize.inputs(extended, "", scalesInput));
    graph.add(OnnxNode.op("Slice").inputs(resized, graph.int64s(false, new long[n]), target, graph.int64s(false, axes))
        .outputs(node.output(0)));
  }

  /** The first {@code n} scales as f32 (OpenVINO reads them as float). */
  private static String scales(NodeView node, GraphBuilder graph, int input, int n) throws ConversionException {
    PartialShape shape = node.inputShape(input);
    if (shape.isRankDynamic() || shape.rank() != 1) {
      throw node.error("the scales input must be 1-D, its shape is " + shape);
    }
    String scale = node.inputType(input) == ElementType.F32 ? node.input(input) : graph.cast(node.input(input), ElementType.F32);
    boolean exact = shape.dims().get(0).isStatic() && shape.dims().get(0).length() == n;
    return exact ? scale : graph.addOne(OnnxNode.op("Slice").inputs(scale, graph.int64s(false, 0), graph.int64s(false, n)));
  }

  /** The int64 lengths of {@code x} on the axes: constants where all are static, else Shape and Gather. */
  private static String lengths(GraphBuilder graph, String x, long[] in, long[] axes) throws ConversionException {
    long[] known = new long[axes.length];
    boolean all = true;
    for (int i = 0; i < axes.length; i++) {
      known[i] = in[(int) axes[i]];
      all &= known[i] >= 0;
    }
    if (all) {
      return graph.int64s(false, known);
    }
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(x));
    return graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(false, axes)).attr("axis", 0L));
  }

  /** {@code (long) (lengthF * scale)} in float arithmetic, as int64 (ONNX Runtime's and OpenVINO's rounding). */
  private static String floorTimes(GraphBuilder graph, String lengthF, String scale) throws ConversionException {
    String product = graph.addOne(OnnxNode.op("Mul").inputs(lengthF, scale));
    return graph.cast(graph.addOne(OnnxNode.op("Floor").inputs(product)), ElementType.I64);
  }

  /**
   * How many copies of the last element each axis needs for ONNX's length, {@code (long) ((length
   * + p) * scale)}, to reach OpenVINO's: 0 where it already does, else {@code ceil(target / scale)
   * + 1 - length}, which exceeds the need by at least one scale's worth.
   */
  private static String extension(GraphBuilder graph, String length, String lengthF, String scale, String target)
      throws ConversionException {
    String onnxLength = floorTimes(graph, lengthF, scale);
    String short_ = graph.addOne(OnnxNode.op("Less").inputs(onnxLength, target));
    String quotient = graph.addOne(OnnxNode.op("Div").inputs(graph.cast(target, ElementType.F32), scale));
    String reach = graph.cast(graph.addOne(OnnxNode.op("Ceil").inputs(quotient)), ElementType.I64);
    String need = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Add").inputs(reach, graph.int64s(true, 1))), length));
    String zero = graph.int64s(true, 0);
    String positive = graph.addOne(OnnxNode.op("Max").inputs(need, zero));
    return graph.addOne(OnnxNode.op("Where").inputs(short_, positive, zero));
  }

  /** Pad's pads for a rank-{@code rank} tensor: nothing at the start, {@code extension[i]} at the end of axes[i]. */
  private static String endPads(GraphBuilder graph, int rank, long[] axes, String extension) throws ConversionException {
    String ends = scatter(graph, graph.int64s(false, new long[rank]), axes, extension);
    return graph.addOne(OnnxNode.op("Concat").inputs(graph.int64s(false, new long[rank]), ends).attr("axis", 0L));
  }

  private static String scatter(GraphBuilder graph, String base, long[] axes, String values) throws ConversionException {
    return graph.addOne(OnnxNode.op("ScatterElements").inputs(base, graph.int64s(false, axes), values).attr("axis", 0L));
  }

  private static double[] ones(int n) {
    double[] v = new double[n];
    Arrays.fill(v, 1);
    return v;
  }
}
