package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceMax becomes ONNX ReduceMax; empty constant axes reduce over nothing, as in OpenVINO. */
@ConvertsOp(type = "ReduceMax", versions = 1, notes = "ReduceMax; run-time axes need opset 18")
public final class ReduceMaxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertDirectly(node, graph, "ReduceMax");
  }
}
