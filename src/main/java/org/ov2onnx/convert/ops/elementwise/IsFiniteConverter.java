package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** IsFinite: ONNX has none, so Not(Or(IsNaN(x), IsInf(x))). */
@ConvertsOp(type = "IsFinite", versions = 10, notes = "IsNaN, IsInf, Or, Not")
public final class IsFiniteConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String x = Elementwise.isInfInput(node, graph);
    String nan = graph.addOne(OnnxNode.op("IsNaN").inputs(x));
    String inf = graph.addOne(OnnxNode.op("IsInf").inputs(x));
    String notFinite = graph.addOne(OnnxNode.op("Or").inputs(nan, inf));
    graph.add(OnnxNode.op("Not").inputs(notFinite).outputs(node.output(0)));
  }
}
