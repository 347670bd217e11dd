package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** A constant becomes an initializer over OpenVINO's own memory (no copy). */
@ConvertsOp(
    type = "Constant",
    versions = 1,
    notes = "initializer, data streamed from OpenVINO's memory; u4/i4 need opset 21, f8 types opset 19; nf4, u1, u2, u3, u6 have no ONNX type")
public final class ConstantConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.initializer(node.output(0), node.constantData());
  }
}
