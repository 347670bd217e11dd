package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * OpenVINO's bitwise And/Or/Xor/Not take booleans and integers: booleans become ONNX's logical
 * operators (any opset), integers ONNX's bitwise operators, which came with opset 18.
 */
final class Bitwise {
  static final int BITWISE_OPSET = 18;

  private Bitwise() {}

  static void convert(NodeView node, GraphBuilder graph, String logicalOp, String bitwiseOp)
      throws ConversionException {
    if (node.inputCount() == 2) {
      Elementwise.checkBroadcast(node);
    }
    ElementType t =
        Elementwise.requireType(node, graph, 0, Elementwise.union(Elementwise.BOOL, Elementwise.INTEGERS), bitwiseOp);
    String op = t == ElementType.BOOLEAN ? logicalOp : bitwiseOp;
    if (t != ElementType.BOOLEAN && graph.opset() < BITWISE_OPSET) {
      throw node.error(
          "integer " + t + " needs ONNX " + bitwiseOp + ", which exists from opset " + BITWISE_OPSET
              + " (target opset " + graph.opset() + "); convert with --opset 18 or higher");
    }
    String[] inputs = new String[node.inputCount()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = node.input(i);
    }
    graph.add(OnnxNode.op(op).inputs(inputs).outputs(node.output(0)));
  }
}
