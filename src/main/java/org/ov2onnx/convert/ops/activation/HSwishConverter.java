package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** HSwish becomes HardSwish (opset 14); at opset 13, x * HardSigmoid(x, 1/6, 0.5). */
@ConvertsOp(type = "HSwish", versions = 4, notes = "HardSwish (opset 14+); Mul(x, HardSigmoid) at opset 13")
public final class HSwishConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "HardSwish");
    String x = node.input(0);
    if (graph.opset() >= 14) {
      graph.add(OnnxNode.op("HardSwish").inputs(x).outputs(node.output(0)));
      return;
    }
    String gate = graph.addOne(OnnxNode.op("HardSigmoid").inputs(x).attr("alpha", 1.0 / 6).attr("beta", 0.5));
    graph.add(OnnxNode.op("Mul").inputs(x, gate).outputs(node.output(0)));
  }
}
