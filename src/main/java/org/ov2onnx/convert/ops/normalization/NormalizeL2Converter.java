package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * NormalizeL2: {@code x / sqrt(eps_mode(ReduceSum(x*x, axes), eps))}, eps_mode Add or Max.
 *
 * <p>The axes must be a constant: with empty axes OpenVINO divides each element by itself (1 for
 * non-zero elements, 0 for zeros), which the general formula does not give, so the two cases are
 * told apart when converting.
 */
@ConvertsOp(
    type = "NormalizeL2",
    versions = 1,
    notes = "ReduceSum/Add or Max/Sqrt/Div; axes must be constant")
public final class NormalizeL2Converter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String x = node.input(0);
    String mode = node.stringAttr("eps_mode").toLowerCase(java.util.Locale.ROOT);
    if (!mode.equals("add") && !mode.equals("max")) {
      throw node.error("has an unknown eps_mode '" + mode + "'");
    }
    Axes axes = Axes.constant(node.constantInts(1));
    if (axes.isEmpty()) {
      String zero = graph.scalar(node.inputType(0), 0);
      String isZero = graph.addOne(OnnxNode.op("Equal").inputs(x, zero));
      String nonZero = graph.addOne(OnnxNode.op("Not").inputs(isZero));
      graph.add(
          OnnxNode.op("Cast").inputs(nonZero).outputs(node.output(0)).attr("to", (long) graph.onnxType(node.inputType(0))));
      return;
    }
    String squares = graph.addOne(OnnxNode.op("Mul").inputs(x, x));
    String sum = Reductions.reduce(node, graph, "ReduceSum", squares, axes, true, null);
    String eps = graph.scalar(node.inputType(0), node.floatAttr("eps"));
    String guarded = graph.addOne(OnnxNode.op(mode.equals("add") ? "Add" : "Max").inputs(sum, eps));
    String norm = graph.addOne(OnnxNode.op("Sqrt").inputs(guarded));
    graph.add(OnnxNode.op("Div").inputs(x, norm).outputs(node.output(0)));
  }
}
