package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceProd becomes ONNX ReduceProd; empty constant axes reduce over nothing, as in OpenVINO. */
@ConvertsOp(type = "ReduceProd", versions = 1, notes = "ReduceProd; run-time axes need opset 18")
public final class ReduceProdConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertDirectly(node, graph, "ReduceProd");
  }
}
