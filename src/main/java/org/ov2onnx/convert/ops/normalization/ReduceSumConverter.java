package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceSum becomes ONNX ReduceSum; empty constant axes reduce over nothing, as in OpenVINO. */
@ConvertsOp(type = "ReduceSum", versions = 1, notes = "ReduceSum; axes as an input from opset 13")
public final class ReduceSumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertDirectly(node, graph, "ReduceSum");
  }
}
