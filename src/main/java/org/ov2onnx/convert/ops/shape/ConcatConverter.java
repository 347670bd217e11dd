package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.TypeCarrier;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Concat maps one to one (ONNX takes a negative axis too). Types ONNX's Concat does not take
 * (float8, 4-bit integers) travel exactly in a wider one ({@link TypeCarrier}).
 */
@ConvertsOp(type = "Concat", versions = 1, notes = "Concat")
public final class ConcatConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType type = node.outputType(0);
    ElementType carrier = TypeCarrier.require(node, graph, "Concat", 0, type);
    String[] inputs = new String[node.inputCount()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = TypeCarrier.up(graph, node.input(i), type, carrier);
    }
    TypeCarrier.down(graph, OnnxNode.op("Concat").inputs(inputs).attr("axis", node.intAttr("axis")), type, carrier,
        node.output(0));
  }
}
