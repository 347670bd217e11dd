package org.ov2onnx.convert.ops.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.convert.spi.Subgraph;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.PortMap;

/**
 * If-8 → ONNX If. Each body becomes a branch; its Parameters are bound to the node's inputs
 * (outer-scope values in ONNX), its Results become the branch outputs in the node's output order.
 */
@ConvertsOp(
    type = "If",
    versions = 8,
    notes = "If; both bodies converted recursively, body parameters read the outer values directly")
public final class IfConverter implements OpConverter {
  private static final int THEN = 0;
  private static final int ELSE = 1;

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.bodyCount() != 2) {
      throw node.error("has " + node.bodyCount() + " bodies, expected 2");
    }
    Subgraph then = branch(node, graph, THEN, "then_branch");
    Subgraph otherwise = branch(node, graph, ELSE, "else_branch");
    String[] outputs = new String[node.outputCount()];
    for (int o = 0; o < outputs.length; o++) {
      outputs[o] = node.output(o);
    }
    graph.add(OnnxNode.op("If").inputs(node.input(0)).outputs(outputs)
        .attr("then_branch", then).attr("else_branch", otherwise));
  }

  private static Subgraph branch(NodeView node, GraphBuilder graph, int body, String name)
      throws ConversionException {
    Subgraph sub = graph.subgraph(node.name() + "/" + name);
    Map<Integer, String> bindings = new HashMap<>();
    for (PortMap in : node.bodyInputs(body)) {
      bindings.put(in.inner(), node.input(in.outer()));
    }
    List<String> results = sub.convertBody(node, body, bindings);
    List<Port> resultPorts = node.bodyResults(body);
    String[] byOutput = new String[node.outputCount()];
    int[] resultOf = new int[node.outputCount()];
    for (PortMap out : node.bodyOutputs(body)) {
      byOutput[out.outer()] = results.get(out.inner());
      resultOf[out.outer()] = out.inner();
    }
    for (int o = 0; o < byOutput.length; o++) {
      if (byOutput[o] == null) {
        throw node.error("output " + o + " has no value in the " + name.replace('_', ' '));
      }
      Port r = resultPorts.get(resultOf[o]);
      sub.output(byOutput[o], node.output(o) + "/" + name, r.type(), r.shape());
    }
    return sub;
  }
}
