package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * EmbeddingBagOffsetsSum: bag b sums the (weighted) rows {@code table[indices[i]]} for i from
 * offsets[b] up to the next offset. See {@link Bags}.
 */
@ConvertsOp(type = "EmbeddingBagOffsetsSum", versions = 3, minOpset = 16, notes = "Gather, Mul, ScatterND (reduction add), Where for empty bags")
public final class EmbeddingBagOffsetsSumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    convertOffsets(node, graph, false);
  }

  static void convertOffsets(NodeView node, GraphBuilder graph, boolean mean) throws ConversionException {
    String rows = Bags.rows(node, graph, 4, 1);
    String bagOf = Bags.bagsFromOffsets(node, graph, 1, 2);
    String bags = graph.addOne(OnnxNode.op("Shape").inputs(node.input(2)));
    Bags.reduce(node, graph, rows, bagOf, bags, mean, 3);
  }
}
