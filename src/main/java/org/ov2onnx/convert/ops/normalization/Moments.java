package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * Mean-variance normalization as OpenVINO computes it: {@code d = x - mean(x)}, then, when the
 * variance is normalized, {@code d / sqrt(mean(d*d) + eps)} (eps inside the root) or {@code d /
 * (sqrt(mean(d*d)) + eps)} (outside). Means are ReduceMean with keepdims over {@code axes}.
 */
final class Moments {
  private Moments() {}

  static String normalize(
      NodeView node,
      GraphBuilder graph,
      String x,
      ElementType type,
      Axes axes,
      boolean normalizeVariance,
      double eps,
      boolean epsInsideSqrt,
      String output)
      throws ConversionException {
    String mean = Reductions.reduce(node, graph, "ReduceMean", x, axes, true, null);
    OnnxNode centre = OnnxNode.op("Sub").inputs(x, mean);
    if (!normalizeVariance) {
      return output == null ? graph.addOne(centre) : graph.add(centre.outputs(output)).get(0);
    }
    String centred = graph.addOne(centre);
    String squares = graph.addOne(OnnxNode.op("Mul").inputs(centred, centred));
    String variance = Reductions.reduce(node, graph, "ReduceMean", squares, axes, true, null);
    String epsilon = graph.scalar(type, eps);
    String divisor =
        epsInsideSqrt
            ? graph.addOne(OnnxNode.op("Sqrt").inputs(graph.addOne(OnnxNode.op("Add").inputs(variance, epsilon))))
            : graph.addOne(OnnxNode.op("Add").inputs(graph.addOne(OnnxNode.op("Sqrt").inputs(variance)), epsilon));
    OnnxNode divide = OnnxNode.op("Div").inputs(centred, divisor);
    return output == null ? graph.addOne(divide) : graph.add(divide.outputs(output)).get(0);
  }
}
