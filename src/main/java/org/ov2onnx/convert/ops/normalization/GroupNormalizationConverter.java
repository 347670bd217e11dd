package org.ov2onnx.convert.ops.normalization;

import java.util.Arrays;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * GroupNormalization, decomposed: the data reshaped to [N, groups, -1], normalized over the last
 * axis (eps inside the root), reshaped back, then scaled and shifted per channel.
 *
 * <p>Not ONNX GroupNormalization: at opsets 18-20 it takes one scale and bias per group, not per
 * channel, and from 21 it computes its first stage in {@code stash_type} (float by default), which
 * loses precision for doubles. The decomposition is exact at every opset.
 */
@ConvertsOp(
    type = "GroupNormalization",
    versions = 12,
    notes = "Reshape + ReduceMean/Sub/Mul/Sqrt/Div + per-channel Mul/Add; needs a static rank above 2")
public final class GroupNormalizationConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String x = node.input(0);
    long groups = node.intAttr("num_groups");
    String grouped = graph.addOne(OnnxNode.op("Reshape").inputs(x, graph.int64s(false, 0, groups, -1)));
    String normalized =
        Moments.normalize(
            node, graph, grouped, node.inputType(0), Axes.constant(2), true, node.floatAttr("epsilon"), true, null);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(x));
    String restored = graph.addOne(OnnxNode.op("Reshape").inputs(normalized, shape));
    String scale = perChannel(node, graph, node.input(1));
    String bias = perChannel(node, graph, node.input(2));
    String scaled = graph.addOne(OnnxNode.op("Mul").inputs(restored, scale));
    graph.add(OnnxNode.op("Add").inputs(scaled, bias).outputs(node.output(0)));
  }

  /** A [C] tensor shaped [C, 1, ..., 1] to broadcast over the channel axis of the data. */
  private static String perChannel(NodeView node, GraphBuilder graph, String values) throws ConversionException {
    if (node.inputShape(0).isRankDynamic()) {
      throw node.error("needs the data's rank to broadcast scale and bias per channel, but it is dynamic");
    }
    int rank = node.inputShape(0).rank();
    if (rank <= 2) {
      return values;
    }
    long[] shape = new long[rank - 1];
    Arrays.fill(shape, 1);
    shape[0] = -1;
    return graph.addOne(OnnxNode.op("Reshape").inputs(values, graph.int64s(false, shape)));
  }
}
