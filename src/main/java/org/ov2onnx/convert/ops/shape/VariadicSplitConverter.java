package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.PartialShape;

/**
 * VariadicSplit becomes Split with explicit sizes (an input from opset 13). The axis must be a
 * constant. Constant split_lengths are written as they are, a -1 resolved from the static
 * dimension, or at run time (Shape, Gather, Sub) when the dimension is dynamic. Run-time
 * split_lengths (a 1-D tensor of static length, one per output) are fed to Split as a tensor, a -1
 * among them replaced at run time by the dimension minus the sum of the others (zero-length parts
 * stay zero-length, as in OpenVINO).
 */
@ConvertsOp(type = "VariadicSplit", versions = 1, notes = "Split with sizes; the axis must be a constant; "
    + "run-time split_lengths resolve -1 at run time")
public final class VariadicSplitConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    int axis = Tensors.axis(node, Tensors.constantScalar(node, 1), rank);
    String sizes = node.constantInput(2).isPresent() ? constantSizes(node, graph, axis) : runTimeSizes(node, graph, axis);
    graph.add(OnnxNode.op("Split").inputs(node.input(0), sizes).outputs(SplitConverter.outputs(node)).attr("axis", (long) axis));
  }

  private static String constantSizes(NodeView node, GraphBuilder graph, int axis) throws ConversionException {
    long[] lengths = node.constantInts(2);
    int inferred = -1;
    long known = 0;
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] == -1) {
        if (inferred >= 0) {
          throw node.error("split_lengths has more than one -1");
        }
        inferred = i;
      } else {
        known += lengths[i];
      }
    }
    Dimension dim = node.inputShape(0).dims().get(axis);
    if (inferred < 0) {
      return graph.int64s(false, lengths);
    }
    if (dim.isStatic()) {
      long[] resolved = lengths.clone();
      resolved[inferred] = dim.length() - known;
      return graph.int64s(false, resolved);
    }
    String rest = graph.addOne(OnnxNode.op("Sub").inputs(axisLength(node, graph, axis), graph.int64s(false, known)));
    long[] before = java.util.Arrays.copyOfRange(lengths, 0, inferred);
    long[] after = java.util.Arrays.copyOfRange(lengths, inferred + 1, lengths.length);
    return graph.addOne(OnnxNode.op("Concat")
        .inputs(graph.int64s(false, before), rest, graph.int64s(false, after)).attr("axis", 0L));
  }

  /**
   * split_lengths known only at run time: where a length is -1 it becomes the dimension minus the
   * sum of the others, that is {@code dim - (sum(lengths) + 1)}; OpenVINO allows one -1 at most.
   */
  private static String runTimeSizes(NodeView node, GraphBuilder graph, int axis) throws ConversionException {
    PartialShape shape = node.inputShape(2);
    if (shape.isRankDynamic() || shape.rank() != 1 || !shape.dims().get(0).isStatic()
        || shape.dims().get(0).length() != node.outputCount()) {
      throw node.error("run-time split_lengths must be a 1-D tensor with one value per output ("
          + node.outputCount() + "), its shape is " + shape);
    }
    String lengths = Tensors.int64Input(node, graph, 2);
    String sum = graph.addOne(OnnxNode.op("ReduceSum").inputs(lengths).attr("keepdims", 1L));
    String others = graph.addOne(OnnxNode.op("Add").inputs(sum, graph.int64s(false, 1)));
    String rest = graph.addOne(OnnxNode.op("Sub").inputs(axisLength(node, graph, axis), others));
    String open = graph.addOne(OnnxNode.op("Equal").inputs(lengths, graph.int64s(false, -1)));
    return graph.addOne(OnnxNode.op("Where").inputs(open, rest, lengths));
  }

  /** The length of the data along {@code axis}, a 1-element int64 tensor computed at run time. */
  private static String axisLength(NodeView node, GraphBuilder graph, int axis) throws ConversionException {
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    return graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(false, axis)).attr("axis", 0L));
  }
}
