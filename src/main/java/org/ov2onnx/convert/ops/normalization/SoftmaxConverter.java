package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Softmax becomes ONNX Softmax, which from opset 13 normalizes along one axis, as OpenVINO does.
 * Version 8 allows a negative axis; ONNX does too.
 */
@ConvertsOp(type = "Softmax", versions = {1, 8}, notes = "Softmax")
public final class SoftmaxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.add(OnnxNode.op("Softmax").inputs(node.input(0)).outputs(node.output(0)).attr("axis", node.intAttr("axis")));
  }
}
