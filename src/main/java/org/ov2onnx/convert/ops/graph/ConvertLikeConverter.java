package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** ConvertLike becomes a Cast to the (statically known) type of its second input. */
@ConvertsOp(type = "ConvertLike", versions = 1, notes = "Cast to the type of the second input")
public final class ConvertLikeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int to = graph.onnxType(node.inputType(1));
    graph.add(OnnxNode.op("Cast").inputs(node.input(0)).outputs(node.output(0)).attr("to", (long) to));
  }
}
