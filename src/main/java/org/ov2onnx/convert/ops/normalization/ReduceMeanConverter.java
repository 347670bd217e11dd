package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceMean becomes ONNX ReduceMean; empty constant axes reduce over nothing, as in OpenVINO. */
@ConvertsOp(type = "ReduceMean", versions = 1, notes = "ReduceMean; run-time axes need opset 18")
public final class ReduceMeanConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertDirectly(node, graph, "ReduceMean");
  }
}
