package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseNot: Not on booleans, BitwiseNot on integers (opset 18+). */
@ConvertsOp(type = "BitwiseNot", versions = 13, notes = "Not (boolean); BitwiseNot (integers, opset 18+)")
public final class BitwiseNotConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Bitwise.convert(node, graph, "Not", "BitwiseNot");
  }
}
