package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** HSigmoid, min(max(x + 3, 0), 6) / 6, is HardSigmoid with alpha 1/6 and beta 0.5. */
@ConvertsOp(type = "HSigmoid", versions = 5, notes = "HardSigmoid(alpha=1/6, beta=0.5)")
public final class HSigmoidConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "HardSigmoid");
    graph.add(OnnxNode.op("HardSigmoid").inputs(node.input(0)).outputs(node.output(0))
        .attr("alpha", 1.0 / 6).attr("beta", 0.5));
  }
}
