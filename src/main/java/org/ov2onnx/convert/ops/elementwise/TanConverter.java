package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Tan becomes Tan; ONNX defines it for f16, f32 and f64 only, so integer inputs are refused. */
@ConvertsOp(type = "Tan", versions = 1, notes = "Tan; f16/f32/f64 (integer inputs are refused)")
public final class TanConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Tan", Elementwise.FLOATS_NO_BF16);
  }
}
