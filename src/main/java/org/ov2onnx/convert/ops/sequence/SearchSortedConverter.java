package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * SearchSorted: where each value would be inserted into the sorted last axis of
 * sorted_sequence: the number of entries below it ({@code <}, the leftmost position) or not above
 * it ({@code <=}, right_mode). Values {@code [..., K]} become {@code [..., K, 1]}; an N-D sequence
 * {@code [..., M]} becomes {@code [..., 1, M]} (a 1-D one serves every value as it is).
 */
@ConvertsOp(type = "SearchSorted", versions = 15, notes = "count of Less/LessOrEqual(sequence, value) (ReduceSum); mixed types compare in f64")
public final class SearchSortedConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean right = node.boolAttr("right_mode");
    String[] in = Counting.comparable(node, graph, 0, 1);
    int rank = Tensors.inputRank(node, 0);
    String sequence = rank == 1 ? in[0] : Tensors.unsqueeze(graph, in[0], -2);
    String values = Tensors.unsqueeze(graph, in[1], -1);
    Counting.countBelow(node, graph, sequence, values, right);
  }
}
