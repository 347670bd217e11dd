package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Elu becomes Elu with the same alpha. */
@ConvertsOp(type = "Elu", versions = 1, notes = "Elu")
public final class EluConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "Elu");
    graph.add(OnnxNode.op("Elu").inputs(node.input(0)).outputs(node.output(0)).attr("alpha", node.floatAttr("alpha")));
  }
}
