package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** A model input; dynamic and interval dimensions become symbolic ONNX dimensions. */
@ConvertsOp(type = "Parameter", versions = 1, notes = "graph input; bounded dimensions become symbolic")
public final class ParameterConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    graph.graphInput(node.output(0), node.outputType(0), node.outputShape(0));
  }
}
