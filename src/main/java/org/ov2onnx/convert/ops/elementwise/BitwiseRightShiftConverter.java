package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseRightShift becomes BitShift(direction=RIGHT); see {@link Shift} for signed types. */
@ConvertsOp(
    type = "BitwiseRightShift",
    versions = 15,
    notes = "BitShift RIGHT; signed types shifted through the unsigned type of the same width")
public final class BitwiseRightShiftConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Shift.convert(node, graph, "RIGHT");
  }
}
