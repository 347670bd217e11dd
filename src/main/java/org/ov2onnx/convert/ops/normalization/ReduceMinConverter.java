package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ReduceMin becomes ONNX ReduceMin; empty constant axes reduce over nothing, as in OpenVINO. */
@ConvertsOp(type = "ReduceMin", versions = 1, notes = "ReduceMin; run-time axes need opset 18")
public final class ReduceMinConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertDirectly(node, graph, "ReduceMin");
  }
}
