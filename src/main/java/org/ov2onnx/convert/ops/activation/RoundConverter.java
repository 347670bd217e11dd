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
 * Round: ONNX Round rounds halves to even. For {@code half_away_from_zero} the exact ties
 * ({@code |x| - floor(|x|) == 0.5}, exact in floating point for {@code |x| >= 0}) become {@code x +
 * 0.5 * sign(x)}; all other values round the same in both modes. Integers are left as they are.
 */
@ConvertsOp(type = "Round", versions = 5, notes = "Round (half_to_even); Round + tie fix-up (half_away_from_zero)")
public final class RoundConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode").toLowerCase(Locale.ROOT);
    if (!mode.equals("half_to_even") && !mode.equals("half_away_from_zero")) {
      throw node.error("rounding mode '" + mode + "' is unknown");
    }
    if (Rounding.integerIdentity(node, graph, Elementwise.FLOATS_NO_BF16, "Round")) {
      return;
    }
    String x = node.input(0);
    if (mode.equals("half_to_even")) {
      graph.add(OnnxNode.op("Round").inputs(x).outputs(node.output(0)));
      return;
    }
    ElementType t = node.inputType(0);
    String half = graph.scalar(t, 0.5);
    String even = graph.addOne(OnnxNode.op("Round").inputs(x));
    String magnitude = graph.addOne(OnnxNode.op("Abs").inputs(x));
    String fraction =
        graph.addOne(OnnxNode.op("Sub").inputs(magnitude, graph.addOne(OnnxNode.op("Floor").inputs(magnitude))));
    String tie = graph.addOne(OnnxNode.op("Equal").inputs(fraction, half));
    String halfAway = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Sign").inputs(x)), half));
    String away = graph.addOne(OnnxNode.op("Add").inputs(x, halfAway));
    graph.add(OnnxNode.op("Where").inputs(tie, away, even).outputs(node.output(0)));
  }
}
