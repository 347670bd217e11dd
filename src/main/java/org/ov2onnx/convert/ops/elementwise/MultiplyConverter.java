package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Multiply becomes Mul. */
@ConvertsOp(type = "Multiply", versions = 1, notes = "Mul; 8/16-bit integers need opset 14")
public final class MultiplyConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Mul", Elementwise.arithmeticTypes(graph.opset()));
  }
}
