package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Less becomes Less. */
@ConvertsOp(type = "Less", versions = 1, notes = "Less; numeric types")
public final class LessConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Less", Elementwise.NUMERIC);
  }
}
