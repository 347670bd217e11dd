package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Identity (opset16) passes its input through. */
@ConvertsOp(type = "Identity", versions = 16, notes = "Identity")
public final class IdentityConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(0)));
  }
}
