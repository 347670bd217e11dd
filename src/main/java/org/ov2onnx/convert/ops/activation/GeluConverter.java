package org.ov2onnx.convert.ops.activation;

import java.util.Locale;
import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Gelu-2 (erf) and Gelu-7 ({@code approximation_mode} ERF or TANH) become ONNX Gelu from opset 20
 * ({@code approximate} none / tanh); below, the formulas: {@code 0.5 x (1 + erf(x / sqrt 2))} (in the
 * form ONNX Runtime fuses back into one kernel) and
 * {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}.
 */
@ConvertsOp(type = "Gelu", versions = {2, 7}, notes = "Gelu (opset 20+); Erf or Tanh formula below")
public final class GeluConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean tanh = false;
    if (node.version() == 7) {
      String mode = node.stringAttr("approximation_mode").toLowerCase(Locale.ROOT);
      if (!mode.equals("erf") && !mode.equals("tanh")) {
        throw node.error("approximation_mode '" + mode + "' is unknown");
      }
      tanh = mode.equals("tanh");
    }
    ElementType t = Elementwise.requireType(
        node, graph, 0, graph.opset() >= 20 ? Elementwise.FLOATS : Elementwise.FLOATS_NO_BF16, "Gelu");
    String x = node.input(0);
    if (graph.opset() >= 20) {
      graph.add(OnnxNode.op("Gelu").inputs(x).outputs(node.output(0)).attr("approximate", tanh ? "tanh" : "none"));
      return;
    }
    String inner;
    if (tanh) {
      String cube = graph.addOne(OnnxNode.op("Mul").inputs(x, graph.addOne(OnnxNode.op("Mul").inputs(x, x))));
      String cubic = graph.addOne(OnnxNode.op("Mul").inputs(cube, graph.scalar(t, 0.044715)));
      String sum = graph.addOne(OnnxNode.op("Add").inputs(x, cubic));
      String scaled = graph.addOne(OnnxNode.op("Mul").inputs(sum, graph.scalar(t, Math.sqrt(2 / Math.PI))));
      inner = graph.addOne(OnnxNode.op("Tanh").inputs(scaled));
    } else {
      // divided by sqrt(2), not multiplied by its inverse: ONNX Runtime's optimizer fuses exactly
      // Div(x, sqrt 2) -> Erf -> Add 1 -> Mul(0.5 x) into its one Gelu kernel (GeluFusion)
      String scaled = graph.addOne(OnnxNode.op("Div").inputs(x, graph.scalar(t, Math.sqrt(2))));
      inner = graph.addOne(OnnxNode.op("Erf").inputs(scaled));
    }
    String onePlus = graph.addOne(OnnxNode.op("Add").inputs(inner, graph.scalar(t, 1)));
    String half = graph.addOne(OnnxNode.op("Mul").inputs(x, graph.scalar(t, 0.5)));
    graph.add(OnnxNode.op("Mul").inputs(half, onePlus).outputs(node.output(0)));
  }
}
