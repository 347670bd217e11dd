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
    emit(graph, node.input(0), node.output(0));
  }

  /** Writes {@code output} = HardSwish({@code x}) of a float (not bf16) x, as the target opset allows. */
  public static void emit(GraphBuilder graph, String x, String output) throws ConversionException {
    if (graph.opset() >= 14) {
      graph.add(OnnxNode.op("HardSwish").inputs(x).outputs(output));
      return;
    }
    String gate = graph.addOne(OnnxNode.op("HardSigmoid").inputs(x).attr("alpha", 1.0 / 6).attr("beta", 0.5));
    graph.add(OnnxNode.op("Mul").inputs(x, gate).outputs(output));
  }
}
