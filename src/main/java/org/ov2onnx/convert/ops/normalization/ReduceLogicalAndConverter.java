package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceLogicalAnd becomes Cast(int32) → ReduceMin → Cast(bool). */
@ConvertsOp(type = "ReduceLogicalAnd", versions = 1, notes = "Cast + ReduceMin + Cast; run-time axes need opset 18")
public final class ReduceLogicalAndConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertLogical(node, graph, "ReduceMin");
  }
}
