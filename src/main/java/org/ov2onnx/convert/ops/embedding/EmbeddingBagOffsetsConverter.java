package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** EmbeddingBagOffsets (v15): EmbeddingBagOffsetsSum with reduction sum or mean. See {@link Bags}. */
@ConvertsOp(type = "EmbeddingBagOffsets", versions = 15, minOpset = 16, notes = "Gather, Mul, ScatterND (reduction add), Div for mean, Where for empty bags")
public final class EmbeddingBagOffsetsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    EmbeddingBagOffsetsSumConverter.convertOffsets(node, graph, Bags.mean(node));
  }
}
