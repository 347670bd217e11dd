package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** LogicalXor becomes Xor. (OpenVINO reports LogicalXor as version 2: its type info says opset2.) */
@ConvertsOp(type = "LogicalXor", versions = 2, notes = "Xor")
public final class LogicalXorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Xor", Elementwise.BOOL);
  }
}
