package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.convert.ops.shape.Tensors;

/**
 * Softmax becomes ONNX Softmax, which from opset 13 normalizes along one axis, as OpenVINO does.
 * Version 8 allows a negative axis; ONNX does too.
 */
@ConvertsOp(type = "Softmax", versions = {1, 8}, notes = "Softmax")
public final class SoftmaxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (!Tensors.isFloat(node.inputType(0))) {
      throw node.error("ONNX Softmax takes floating-point input, not " + node.inputType(0));
    }
    graph.add(OnnxNode.op("Softmax").inputs(node.input(0)).outputs(node.output(0)).attr("axis", node.intAttr("axis")));
  }
}
