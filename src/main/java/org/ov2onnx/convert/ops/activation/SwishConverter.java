package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Swish: x * sigmoid(beta * x), beta an optional scalar input (1 when absent), kept a tensor. */
@ConvertsOp(type = "Swish", versions = 4, notes = "Mul(x, Sigmoid(Mul(x, beta)))")
public final class SwishConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS, "Sigmoid");
    String x = node.input(0);
    String scaled = node.inputCount() > 1 ? graph.addOne(OnnxNode.op("Mul").inputs(x, node.input(1))) : x;
    String gate = graph.addOne(OnnxNode.op("Sigmoid").inputs(scaled));
    graph.add(OnnxNode.op("Mul").inputs(x, gate).outputs(node.output(0)));
  }
}
