package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Floor becomes Floor for floats; integers are already whole (Identity). */
@ConvertsOp(type = "Floor", versions = 1, notes = "Floor (floats); Identity (integers)")
public final class FloorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (!Rounding.integerIdentity(node, graph, Elementwise.FLOATS, "Floor")) {
      graph.add(OnnxNode.op("Floor").inputs(node.input(0)).outputs(node.output(0)));
    }
  }
}
