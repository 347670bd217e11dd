package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseOr: Or on booleans, BitwiseOr on integers (opset 18+). */
@ConvertsOp(type = "BitwiseOr", versions = 13, notes = "Or (boolean); BitwiseOr (integers, opset 18+)")
public final class BitwiseOrConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Bitwise.convert(node, graph, "Or", "BitwiseOr");
  }
}
