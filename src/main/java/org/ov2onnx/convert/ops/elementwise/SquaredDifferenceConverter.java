package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** SquaredDifference: (a - b) * (a - b). */
@ConvertsOp(type = "SquaredDifference", versions = 1, notes = "Sub, Mul")
public final class SquaredDifferenceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.checkBroadcast(node);
    Elementwise.requireType(node, graph, 0, Elementwise.arithmeticTypes(graph.opset()), "Sub");
    String d = graph.addOne(OnnxNode.op("Sub").inputs(node.input(0), node.input(1)));
    graph.add(OnnxNode.op("Mul").inputs(d, d).outputs(node.output(0)));
  }
}
