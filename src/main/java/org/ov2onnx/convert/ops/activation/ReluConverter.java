package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Relu becomes Relu; ONNX Relu took signed integers from opset 14. */
@ConvertsOp(type = "Relu", versions = 1, notes = "Relu; signed integers need opset 14")
public final class ReluConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Relu",
        graph.opset() >= 14 ? Elementwise.union(Elementwise.FLOATS, Elementwise.SIGNED) : Elementwise.FLOATS);
  }
}
