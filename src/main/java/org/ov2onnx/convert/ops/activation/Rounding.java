package org.ov2onnx.convert.ops.activation;

import java.util.Set;
import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** Floor, Ceiling and Round leave integers as they are; ONNX's rounding ops take floats only. */
final class Rounding {
  private Rounding() {}

  /** Emits Identity for an integer input and returns true; false for a float input of {@code floats}. */
  static boolean integerIdentity(NodeView node, GraphBuilder graph, Set<ElementType> floats, String onnxOp)
      throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.union(floats, Elementwise.INTEGERS), onnxOp);
    if (!Elementwise.isInteger(t)) {
      return false;
    }
    graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(0)));
    return true;
  }
}
