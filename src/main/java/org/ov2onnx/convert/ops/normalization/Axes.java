package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * The axes of a reduction: either known when converting ({@code values}), or an int64 1-D ONNX
 * value computed at run time ({@code tensor}). Exactly one of the two is set.
 */
record Axes(long[] values, String tensor) {
  static Axes constant(long... values) {
    return new Axes(values.clone(), null);
  }

  /**
   * The axes OpenVINO takes as input {@code i} (an i32 or i64 scalar or 1-D tensor): its values if
   * a Constant produces it, else the value itself, cast to int64 and made 1-D as ONNX wants.
   */
  static Axes ofInput(NodeView node, int i, GraphBuilder graph) throws ConversionException {
    if (node.constantInput(i).isPresent()) {
      return constant(node.constantInts(i));
    }
    String axes = node.input(i);
    if (node.inputType(i) != ElementType.I64) {
      axes = graph.cast(axes, ElementType.I64);
    }
    if (node.inputShape(i).isRankDynamic() || node.inputShape(i).rank() != 1) {
      axes = graph.addOne(OnnxNode.op("Reshape").inputs(axes, graph.int64s(false, -1)));
    }
    return new Axes(null, axes);
  }

  boolean isConstant() {
    return values != null;
  }

  /** Constant and empty: OpenVINO then reduces over nothing. */
  boolean isEmpty() {
    return values != null && values.length == 0;
  }
}
