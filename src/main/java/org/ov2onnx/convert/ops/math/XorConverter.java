package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Xor (opset1's v0 operation, IR type {@code Xor}, the predecessor of LogicalXor): boolean
 * exclusive or with {@code auto_broadcast}, ONNX Xor.
 */
@ConvertsOp(type = "Xor", versions = 1, notes = "Xor")
public final class XorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Xor", Elementwise.BOOL);
  }
}
