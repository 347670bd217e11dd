package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * GRN: {@code x / sqrt(sum over channels (axis 1) of x^2 + bias)}, as Mul, ReduceSum (keepdims),
 * Add, Sqrt, Div.
 */
@ConvertsOp(type = "GRN", versions = 1, notes = "x / Sqrt(ReduceSum(x*x, axis 1) + bias)")
public final class GrnConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.FLOATS, "Sqrt");
    String x = node.input(0);
    String squares = graph.addOne(OnnxNode.op("Mul").inputs(x, x));
    String sum = graph.addOne(OnnxNode.op("ReduceSum").inputs(squares, graph.int64s(false, 1)).attr("keepdims", 1L));
    String biased = graph.addOne(OnnxNode.op("Add").inputs(sum, graph.scalar(t, node.floatAttr("bias"))));
    String norm = graph.addOne(OnnxNode.op("Sqrt").inputs(biased));
    graph.add(OnnxNode.op("Div").inputs(x, norm).outputs(node.output(0)));
  }
}
