package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ConvertLike becomes a Cast to the (statically known) type of its second input, as Convert does. */
@ConvertsOp(type = "ConvertLike", versions = 1, notes = "Cast to the type of the second input (to float8 types with saturate=0, as OpenVINO does not saturate)")
public final class ConvertLikeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.add(ConvertConverter.cast(node, graph, node.inputType(1)));
  }
}
