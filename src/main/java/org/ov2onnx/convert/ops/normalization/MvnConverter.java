package org.ov2onnx.convert.ops.normalization;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.LongStream;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.convert.ops.shape.Tensors;

/**
 * MVN. From opset 17, an MVN that normalizes the variance with eps inside the root over constant
 * trailing axes is ONNX's LayerNormalization (scale 1, no bias), which ONNX Runtime runs as one
 * kernel. Otherwise it is decomposed into ReduceMean, Sub, Mul, Sqrt, Add and Div (ONNX's
 * MeanVarianceNormalization has a fixed epsilon and always normalizes the variance).
 *
 * <p>MVN-1 (which appeared in opset 2) reduces over axes 1.. or 2.. of a static rank, given by
 * {@code across_channels} or {@code reduction_axes}; eps is inside the root. MVN-6 takes its axes as input 1 (run-time axes need ONNX opset 18) and places
 * eps by {@code eps_mode}.
 */
@ConvertsOp(
    type = "MVN",
    versions = {2, 6},
    notes = "LayerNormalization (opset 17+, eps inside the root, constant trailing axes of static size; a following Multiply and Add by constants over those axes become its scale and bias); else ReduceMean/Sub/Mul/Sqrt/Add/Div; MVN-1 needs a static rank and axes 1.. or 2..; MVN-6 run-time axes need opset 18")
public final class MvnConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (!Tensors.isFloat(node.inputType(0))) {
      throw node.error("MVN's ONNX decomposition takes floating-point input, not " + node.inputType(0));
    }
    Axes axes;
    boolean epsInsideSqrt;
    if (node.version() == 2) {
      axes = Axes.constant(reductionAxes(node));
      epsInsideSqrt = true;
    } else {
      axes = Axes.ofInput(node, 1, graph);
      String mode = node.stringAttr("eps_mode").toLowerCase(Locale.ROOT);
      epsInsideSqrt =
          switch (mode) {
            case "inside_sqrt" -> true;
            case "outside_sqrt" -> false;
            default -> throw node.error("has an unknown eps_mode '" + mode + "'");
          };
    }
    boolean normalizeVariance = node.boolAttr("normalize_variance");
    double eps = node.floatAttr("eps");
    if (LayerNormalizationFusion.axis(node, graph.opset()) >= 0) {
      LayerNormalizationFusion.emit(node, graph, null, null, node.output(0));
      return;
    }
    Moments.normalize(
        node, graph, node.input(0), node.inputType(0), axes, normalizeVariance, eps, epsInsideSqrt, node.output(0));
  }

  /**
   * MVN-1's axes: 1.. (across channels) or 2.. of a static rank. OpenVINO fills reduction_axes from
   * across_channels, but its CPU plugin rewrites the node from across_channels alone (set when
   * reduction_axes lists axis 1), while the operation's own reference reduces over the listed axes:
   * any other list is ambiguous and refused.
   */
  static long[] reductionAxes(NodeView node) throws ConversionException {
    if (node.inputShape(0).isRankDynamic()) {
      throw node.error("needs a static input rank to resolve across_channels / reduction_axes");
    }
    int rank = node.inputShape(0).rank();
    long[] across = LongStream.range(1, rank).toArray();
    long[] within = LongStream.range(2, rank).toArray();
    long[] axes = node.attributes().containsKey("reduction_axes") ? node.intsAttr("reduction_axes") : new long[0];
    if (axes.length == 0) {
      return node.boolAttr("across_channels") ? across : within;
    }
    long[] sorted = axes.clone();
    Arrays.sort(sorted);
    if (!Arrays.equals(sorted, across) && !Arrays.equals(sorted, within)) {
      throw node.error(
          "reduces over axes "
              + Arrays.toString(axes)
              + ": only 1.. or 2.. are supported (for other axes OpenVINO's CPU plugin and its reference"
              + " implementation disagree)");
    }
    return sorted;
  }
}
