package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.PartialShape;

/**
 * OpenVINO's grouped weights carry the group as a leading axis ([G, A, B, k...]); ONNX wants the
 * first two axes merged ([G*A, B, k...]) and the group count as an attribute. The merge is a
 * Reshape, so weights that are not constants keep working (their shape past the group axis must
 * be static, as OpenVINO's CPU plugin also requires).
 */
final class GroupedWeights {
  private GroupedWeights() {}

  /** The group count: the static first dimension of input {@code i}. */
  static long groups(NodeView node, int i) throws ConversionException {
    PartialShape shape = node.inputShape(i);
    if (shape.isRankDynamic() || !shape.dims().get(0).isStatic()) {
      throw node.error("the group count (the weights' first dimension) is dynamic; ONNX needs it as an attribute");
    }
    return shape.dims().get(0).length();
  }

  /** Input {@code i} reshaped from [G, A, B, k...] to [G*A, B, k...]. */
  static String merged(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    PartialShape shape = node.inputShape(i);
    long[] dims = new long[shape.rank() - 1];
    dims[0] = -1;
    for (int d = 1; d < dims.length; d++) {
      Dimension length = shape.dims().get(d + 1);
      if (!length.isStatic()) {
        throw node.error("the weights' shape " + shape + " is dynamic beyond the group axes; the merge of the group axes needs it");
      }
      dims[d] = length.length();
    }
    String target = graph.int64s(false, dims);
    return graph.addOne(OnnxNode.op("Reshape").inputs(node.input(i), target));
  }
}
