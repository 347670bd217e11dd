package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Concat maps one to one (ONNX takes a negative axis too). */
@ConvertsOp(type = "Concat", versions = 1, notes = "Concat")
public final class ConcatConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String[] inputs = new String[node.inputCount()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = node.input(i);
    }
    graph.add(OnnxNode.op("Concat").inputs(inputs).outputs(node.output(0)).attr("axis", node.intAttr("axis")));
  }
}
