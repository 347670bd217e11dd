package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Equal becomes Equal. */
@ConvertsOp(type = "Equal", versions = 1, notes = "Equal")
public final class EqualConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Equal", Elementwise.union(Elementwise.NUMERIC, Elementwise.BOOL));
  }
}
