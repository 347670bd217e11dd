package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceLogicalOr becomes Cast(int32) → ReduceMax → Cast(bool). */
@ConvertsOp(type = "ReduceLogicalOr", versions = 1, notes = "Cast + ReduceMax + Cast; run-time axes need opset 18")
public final class ReduceLogicalOrConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertLogical(node, graph, "ReduceMax");
  }
}
