package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Select becomes Where (numpy or no broadcasting; pdpd is refused), through a wider type where ONNX
 * Runtime has no Where kernel for the type ({@code OrtKernels}, through {@code TypeCarrier}).
 */
@ConvertsOp(type = "Select", versions = 1, notes = "Where; auto_broadcast pdpd refused")
public final class SelectConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Tensors.requireNumpyBroadcast(node);
    // a type ONNX's Where does not take at this opset, or ONNX Runtime cannot run, travels in a wider one
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Where", 1, node.outputType(0));
    graph.add(OnnxNode.op("Where").inputs(node.input(0), c.in(node.input(1)), c.in(node.input(2))).outputs(c.out(node.output(0))));
    c.done();
  }
}
