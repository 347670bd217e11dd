package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** IsNaN becomes IsNaN. */
@ConvertsOp(type = "IsNaN", versions = 10, notes = "IsNaN")
public final class IsNaNConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "IsNaN", Elementwise.FLOATS);
  }
}
