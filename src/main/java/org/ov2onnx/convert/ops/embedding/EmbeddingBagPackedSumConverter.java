package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * EmbeddingBagPackedSum: indices {@code [B, L]}, bag b the sum of its L (weighted) rows: Gather,
 * Mul, ReduceSum over axis 1.
 */
@ConvertsOp(type = "EmbeddingBagPackedSum", versions = 3, notes = "Gather, Mul, ReduceSum")
public final class EmbeddingBagPackedSumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    convertPacked(node, graph, false);
  }

  static void convertPacked(NodeView node, GraphBuilder graph, boolean mean) throws ConversionException {
    String rows = Bags.rows(node, graph, 2, 2);
    String sum = graph.addOne(OnnxNode.op("ReduceSum").inputs(rows, graph.int64s(false, 1)).attr("keepdims", 0L));
    if (!mean) {
      graph.add(OnnxNode.op("Identity").inputs(sum).outputs(node.output(0)));
      return;
    }
    String length = graph.addOne(OnnxNode.op("Gather").inputs(graph.addOne(OnnxNode.op("Shape").inputs(node.input(1))), graph.int64s(true, 1)));
    graph.add(OnnxNode.op("Div").inputs(sum, graph.cast(length, node.inputType(0))).outputs(node.output(0)));
  }
}
