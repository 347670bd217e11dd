package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Abs becomes Abs. */
@ConvertsOp(type = "Abs", versions = 1, notes = "Abs")
public final class AbsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Abs", Elementwise.NUMERIC);
  }
}
