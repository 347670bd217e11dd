package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** EmbeddingBagPacked (v15): EmbeddingBagPackedSum with reduction sum or mean (the sum over L). */
@ConvertsOp(type = "EmbeddingBagPacked", versions = 15, notes = "Gather, Mul, ReduceSum (Div by the bag length for mean)")
public final class EmbeddingBagPackedConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    EmbeddingBagPackedSumConverter.convertPacked(node, graph, Bags.mean(node));
  }
}
