package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** NotEqual: ONNX has none, so Not(Equal(a, b)). */
@ConvertsOp(type = "NotEqual", versions = 1, notes = "Equal, Not")
public final class NotEqualConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.checkBroadcast(node);
    Elementwise.requireType(node, graph, 0, Elementwise.union(Elementwise.NUMERIC, Elementwise.BOOL), "Equal");
    String equal = graph.addOne(OnnxNode.op("Equal").inputs(node.input(0), node.input(1)));
    graph.add(OnnxNode.op("Not").inputs(equal).outputs(node.output(0)));
  }
}
