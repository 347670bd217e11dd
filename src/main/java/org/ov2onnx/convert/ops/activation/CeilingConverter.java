package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Ceiling becomes Ceil for floats; integers are already whole (Identity). */
@ConvertsOp(type = "Ceiling", versions = 1, notes = "Ceil (floats); Identity (integers)")
public final class CeilingConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (!Rounding.integerIdentity(node, graph, Elementwise.FLOATS, "Ceil")) {
      graph.add(OnnxNode.op("Ceil").inputs(node.input(0)).outputs(node.output(0)));
    }
  }
}
