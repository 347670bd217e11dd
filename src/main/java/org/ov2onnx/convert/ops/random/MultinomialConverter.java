package org.ov2onnx.convert.ops.random;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Multinomial: num_samples class indices per row of probabilities (or log-probabilities with
 * log_probs; probabilities go through Log, which ONNX's unnormalised log-probabilities accept).
 * With replacement it is ONNX Multinomial (num_samples a constant); without, the Gumbel-top-k
 * draw: TopK of {@code log p - log(-log u)}, u uniform, which samples without replacement with the
 * same distribution. A 1-D input is handled as one row.
 *
 * <p>Seeds: as for RandomUniform, the generators differ, so the samples are not reproduced; the
 * distribution is, and a non-zero global_seed/op_seed gives the ONNX node the seed
 * {@code global_seed * 1000003 + op_seed}, the same samples on every run.
 */
@ConvertsOp(type = "Multinomial", versions = 13,
    notes = "Multinomial (with replacement) or Gumbel top-k (without); same distribution, not the same samples (other generator; fixed seeds stay deterministic)")
public final class MultinomialConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "Multinomial");
    long samples = Tensors.constantScalar(node, 1);
    boolean oneRow = Tensors.inputRank(node, 0) == 1;
    String probs = oneRow ? Tensors.unsqueeze(graph, node.input(0), 0) : node.input(0);
    String logits = node.boolAttr("log_probs") ? probs : graph.addOne(OnnxNode.op("Log").inputs(probs));
    long global = node.intAttr("global_seed");
    long op = node.intAttr("op_seed");
    ElementType out = node.outputType(0);
    String drawn;
    if (node.boolAttr("with_replacement")) {
      OnnxNode m = OnnxNode.op("Multinomial").inputs(logits).attr("sample_size", samples).attr("dtype", (long) graph.onnxType(ElementType.I64));
      drawn = graph.addOne(seed(m, global, op));
    } else {
      OnnxNode u = OnnxNode.op("RandomUniformLike").inputs(logits).attr("low", 0.0).attr("high", 1.0).attr("dtype", (long) graph.onnxType(t));
      String uniform = graph.addOne(seed(u, global, op));
      String gumbel = graph.addOne(OnnxNode.op("Neg").inputs(graph.addOne(OnnxNode.op("Log").inputs(
          graph.addOne(OnnxNode.op("Neg").inputs(graph.addOne(OnnxNode.op("Log").inputs(uniform))))))));
      String keys = graph.addOne(OnnxNode.op("Add").inputs(logits, gumbel));
      drawn = graph.add(OnnxNode.op("TopK").inputs(keys, graph.int64s(false, samples)).attr("axis", -1L).attr("largest", 1L)
          .attr("sorted", 1L).outputCount(2)).get(1);
    }
    String shaped = oneRow ? Tensors.squeeze(graph, drawn, 0) : drawn;
    OnnxNode result = out == ElementType.I64 ? OnnxNode.op("Identity") : OnnxNode.op("Cast").attr("to", (long) graph.onnxType(out));
    graph.add(result.inputs(shaped).outputs(node.output(0)));
  }

  private static OnnxNode seed(OnnxNode n, long global, long op) {
    return global != 0 || op != 0 ? n.attr("seed", (double) (global * 1000003L + op)) : n;
  }
}
