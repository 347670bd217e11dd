package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Negative becomes Neg, which ONNX defines for signed integers and floats only. */
@ConvertsOp(type = "Negative", versions = 1, notes = "Neg; signed integers and floats (unsigned types are refused)")
public final class NegativeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Neg", Elementwise.union(Elementwise.SIGNED, Elementwise.FLOATS));
  }
}
