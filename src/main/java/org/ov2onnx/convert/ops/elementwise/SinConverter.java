package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Sin becomes Sin; ONNX defines it for f16, f32 and f64 only, so integer inputs are refused. */
@ConvertsOp(type = "Sin", versions = 1, notes = "Sin; f16/f32/f64 (integer inputs are refused)")
public final class SinConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Sin", Elementwise.FLOATS_NO_BF16);
  }
}
