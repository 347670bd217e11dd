package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** BitwiseLeftShift becomes BitShift(direction=LEFT); see {@link Shift} for signed types. */
@ConvertsOp(
    type = "BitwiseLeftShift",
    versions = 15,
    notes = "BitShift LEFT; signed types shifted through the unsigned type of the same width")
public final class BitwiseLeftShiftConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Shift.convert(node, graph, "LEFT");
  }
}
