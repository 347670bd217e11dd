package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * EmbeddingSegmentsSum: segment s of num_segments sums the (weighted) rows {@code
 * table[indices[i]]} with {@code segment_ids[i] == s}. See {@link Bags}.
 */
@ConvertsOp(type = "EmbeddingSegmentsSum", versions = 3, minOpset = 16, notes = "Gather, Mul, ScatterND (reduction add), Where for empty segments")
public final class EmbeddingSegmentsSumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String rows = Bags.rows(node, graph, 5, 1);
    String segments = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 3), graph.int64s(false, 1)));
    Bags.reduce(node, graph, rows, Tensors.int64Input(node, graph, 2), segments, false, 4);
  }
}
