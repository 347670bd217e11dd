package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseXor: Xor on booleans, BitwiseXor on integers (opset 18+). */
@ConvertsOp(type = "BitwiseXor", versions = 13, notes = "Xor (boolean); BitwiseXor (integers, opset 18+)")
public final class BitwiseXorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Bitwise.convert(node, graph, "Xor", "BitwiseXor");
  }
}
