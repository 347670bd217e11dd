package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseAnd: And on booleans, BitwiseAnd on integers (opset 18+). */
@ConvertsOp(type = "BitwiseAnd", versions = 13, notes = "And (boolean); BitwiseAnd (integers, opset 18+)")
public final class BitwiseAndConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Bitwise.convert(node, graph, "And", "BitwiseAnd");
  }
}
