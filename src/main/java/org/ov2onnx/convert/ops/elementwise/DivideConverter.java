package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Divide becomes Div. ONNX Div truncates integer quotients toward zero; OpenVINO's {@code
 * m_pythondiv=true} (the default) floors them, like Python's {@code //}. For signed integers the
 * quotient is then decremented where the remainder is non-zero and its sign differs from the
 * divisor's. Unsigned quotients and floats need no correction.
 */
@ConvertsOp(
    type = "Divide",
    versions = 1,
    notes = "Div; signed integers with m_pythondiv=true get floor division (Div + correction); 8/16-bit integers need opset 14")
public final class DivideConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.checkBroadcast(node);
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.arithmeticTypes(graph.opset()), "Div");
    if (!Elementwise.isSigned(t) || !node.boolAttr("m_pythondiv")) {
      graph.add(OnnxNode.op("Div").inputs(node.input(0), node.input(1)).outputs(node.output(0)));
      return;
    }
    String a = node.input(0);
    String b = node.input(1);
    String truncated = graph.addOne(OnnxNode.op("Div").inputs(a, b));
    String remainder = graph.addOne(OnnxNode.op("Sub").inputs(a, graph.addOne(OnnxNode.op("Mul").inputs(truncated, b))));
    String floor = graph.cast(Elementwise.remainderNeedsFloor(graph, t, remainder, b), t);
    graph.add(OnnxNode.op("Sub").inputs(truncated, floor).outputs(node.output(0)));
  }
}
