package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** LogSoftmax becomes ONNX LogSoftmax (one axis, negative allowed, from opset 13). */
@ConvertsOp(type = "LogSoftmax", versions = 5, notes = "LogSoftmax")
public final class LogSoftmaxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.add(OnnxNode.op("LogSoftmax").inputs(node.input(0)).outputs(node.output(0)).attr("axis", node.intAttr("axis")));
  }
}
