package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Mish becomes Mish (opset 18); below, x * tanh(softplus(x)). */
@ConvertsOp(type = "Mish", versions = 4, notes = "Mish (opset 18+); Mul(x, Tanh(Softplus(x))) below")
public final class MishConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "Mish");
    String x = node.input(0);
    if (graph.opset() >= 18) {
      graph.add(OnnxNode.op("Mish").inputs(x).outputs(node.output(0)));
      return;
    }
    String softplus = graph.addOne(OnnxNode.op("Softplus").inputs(x));
    String tanh = graph.addOne(OnnxNode.op("Tanh").inputs(softplus));
    graph.add(OnnxNode.op("Mul").inputs(x, tanh).outputs(node.output(0)));
  }
}
