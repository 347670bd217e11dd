package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** Index inputs in the types ONNX's gathers and scatters accept. */
final class Indices {
  private Indices() {}

  /** Input {@code i} as int32 or int64 (other integer types are cast to int64). */
  static String int32or64(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    ElementType t = node.inputType(i);
    return t == ElementType.I32 || t == ElementType.I64 ? node.input(i) : graph.cast(node.input(i), ElementType.I64);
  }

  /**
   * The ONNX scatter reduction for OpenVINO's {@code reduction}: none, sum → add, prod → mul, min,
   * max, and {@code alsoAdd} (the caller's own reduction built on add) → add. Refused when the
   * target opset lacks it (add and mul come in opset 16, min and max in 18).
   */
  static String reduction(NodeView node, GraphBuilder graph, String reduction, String alsoAdd) throws ConversionException {
    String onnx;
    int opset;
    if (reduction.equals("none")) {
      return "none";
    } else if (reduction.equals("sum") || reduction.equals(alsoAdd)) {
      onnx = "add";
      opset = 16;
    } else if (reduction.equals("prod")) {
      onnx = "mul";
      opset = 16;
    } else if (reduction.equals("min") || reduction.equals("max")) {
      onnx = reduction;
      opset = 18;
    } else {
      throw node.error("unknown reduction '" + reduction + "'");
    }
    if (graph.opset() < opset) {
      throw node.error("reduction '" + reduction + "' needs ONNX opset " + opset + " or later (target is " + graph.opset() + ")");
    }
    return onnx;
  }

  /** A tensor shaped like {@code like} filled with {@code value} of {@code type}. */
  static String filledLike(GraphBuilder graph, String like, ElementType type, double value) throws ConversionException {
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(like));
    return graph.addOne(OnnxNode.op("ConstantOfShape").inputs(shape)
        .attr("value", new OnnxNode.TensorAttr(type, new long[] {1}, new double[] {value})));
  }
}
