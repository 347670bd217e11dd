package org.ov2onnx.convert.ops.misc;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Einsum becomes ONNX Einsum (opset 12) with the same equation.
 *
 * <p>One case is refused: an implicit equation (no "->") whose input term repeats a label, such as
 * "ii". ONNX (like numpy) sums such a label away (a trace); OpenVINO keeps it in the output shape
 * and its CPU plugin cannot run the node, so there is no OpenVINO meaning to preserve.
 */
@ConvertsOp(type = "Einsum", versions = 7, notes = "Einsum; implicit equations repeating a label in one term are refused")
public final class EinsumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String equation = node.stringAttr("equation");
    if (!equation.contains("->")) {
      for (String term : equation.split(",")) {
        String labels = term.replace("...", "").strip();
        if (labels.chars().distinct().count() < labels.length()) {
          throw node.error(
              "has the implicit equation '" + equation + "' with a label repeated in '" + term.strip()
                  + "', which OpenVINO and ONNX read differently; write the output explicitly (e.g. 'ii->i')");
        }
      }
    }
    String[] inputs = new String[node.inputCount()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = node.input(i);
    }
    graph.add(OnnxNode.op("Einsum").inputs(inputs).outputs(node.output(0)).attr("equation", equation));
  }
}
