package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Split into num_splits equal parts along a constant axis: ONNX Split without sizes before opset
 * 18, with num_outputs from 18 (where one of the two is required).
 */
@ConvertsOp(type = "Split", versions = 1, notes = "Split; the axis must be a constant")
public final class SplitConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long axis = Tensors.constantScalar(node, 1);
    long parts = node.intAttr("num_splits");
    if (parts != node.outputCount()) {
      throw node.error("num_splits " + parts + " differs from its " + node.outputCount() + " outputs");
    }
    OnnxNode split = OnnxNode.op("Split").inputs(node.input(0)).outputs(outputs(node)).attr("axis", axis);
    if (graph.opset() >= 18) {
      split.attr("num_outputs", parts);
    }
    graph.add(split);
  }

  static String[] outputs(NodeView node) {
    String[] out = new String[node.outputCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.output(i);
    }
    return out;
  }
}
