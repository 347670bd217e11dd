package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** GreaterEqual becomes GreaterOrEqual. */
@ConvertsOp(type = "GreaterEqual", versions = 1, notes = "GreaterOrEqual; bf16 needs opset 16")
public final class GreaterEqualConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "GreaterOrEqual", Elementwise.orderedEqualTypes(graph.opset()));
  }
}
