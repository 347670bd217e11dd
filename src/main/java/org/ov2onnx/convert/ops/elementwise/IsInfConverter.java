package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** IsInf becomes IsInf with the same detect_negative / detect_positive. */
@ConvertsOp(type = "IsInf", versions = 10, notes = "IsInf; f16/bf16 are cast to f32 below opset 20")
public final class IsInfConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String x = Elementwise.isInfInput(node, graph);
    graph.add(OnnxNode.op("IsInf").inputs(x).outputs(node.output(0))
        .attr("detect_negative", node.boolAttr("detect_negative"))
        .attr("detect_positive", node.boolAttr("detect_positive")));
  }
}
