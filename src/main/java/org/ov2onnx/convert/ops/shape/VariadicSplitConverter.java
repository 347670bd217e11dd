package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;

/**
 * VariadicSplit becomes Split with explicit sizes. The axis and split_lengths must be constants;
 * a -1 length is resolved from the static dimension, or at run time (Shape, Gather, Sub) when the
 * dimension is dynamic.
 */
@ConvertsOp(type = "VariadicSplit", versions = 1, notes = "Split with sizes; axis and split_lengths must be constants")
public final class VariadicSplitConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    int axis = Tensors.axis(node, Tensors.constantScalar(node, 1), rank);
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
    String sizes;
    if (inferred < 0) {
      sizes = graph.int64s(false, lengths);
    } else if (dim.isStatic()) {
      long[] resolved = lengths.clone();
      resolved[inferred] = dim.length() - known;
      sizes = graph.int64s(false, resolved);
    } else {
      String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
      String length = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(false, axis)).attr("axis", 0L));
      String rest = graph.addOne(OnnxNode.op("Sub").inputs(length, graph.int64s(false, known)));
      long[] before = java.util.Arrays.copyOfRange(lengths, 0, inferred);
      long[] after = java.util.Arrays.copyOfRange(lengths, inferred + 1, lengths.length);
      sizes = graph.addOne(OnnxNode.op("Concat")
          .inputs(graph.int64s(false, before), rest, graph.int64s(false, after)).attr("axis", 0L));
    }
    graph.add(OnnxNode.op("Split").inputs(node.input(0), sizes).outputs(SplitConverter.outputs(node)).attr("axis", (long) axis));
  }
}
