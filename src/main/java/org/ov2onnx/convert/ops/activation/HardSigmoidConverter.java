package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** HardSigmoid: OpenVINO's alpha and beta inputs must be constant scalars, ONNX's attributes. */
@ConvertsOp(type = "HardSigmoid", versions = 1, notes = "HardSigmoid; alpha and beta must be constants")
public final class HardSigmoidConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "HardSigmoid");
    graph.add(OnnxNode.op("HardSigmoid").inputs(node.input(0)).outputs(node.output(0))
        .attr("alpha", scalar(node, 1, "alpha")).attr("beta", scalar(node, 2, "beta")));
  }

  private static double scalar(NodeView node, int input, String name) throws ConversionException {
    double[] v = node.constantDoubles(input);
    if (v.length != 1) {
      throw node.error(name + " must be a single value, got " + v.length);
    }
    return v[0];
  }
}
