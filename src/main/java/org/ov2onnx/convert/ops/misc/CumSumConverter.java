package org.ov2onnx.convert.ops.misc;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * CumSum becomes ONNX CumSum with the same {@code exclusive} and {@code reverse}; the axis stays an
 * input (axis 0 when OpenVINO's optional second input is absent: only a model built in memory can
 * lack it, OpenVINO's IR reader refuses a one-input CumSum, so that case is not differentially
 * tested). ONNX CumSum takes float16 and bfloat16 only from opset 14.
 */
@ConvertsOp(type = "CumSum", versions = 3, notes = "CumSum; f16/bf16 need opset 14")
public final class CumSumConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType type = node.inputType(0);
    if ((type == ElementType.F16 || type == ElementType.BF16) && graph.opset() < 14) {
      throw node.error("sums " + type + " values, which ONNX CumSum takes only from opset 14 (target opset " + graph.opset() + ")");
    }
    // 8- and 16-bit integers sum in int32: cast back, the sums wrap as the narrow ones do
    boolean widen = type == ElementType.I8 || type == ElementType.U8 || type == ElementType.I16 || type == ElementType.U16;
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "CumSum", 0, type, widen);
    String axis = node.inputCount() > 1 ? node.input(1) : graph.int64s(true, 0);
    graph.add(
        OnnxNode.op("CumSum")
            .inputs(c.in(node.input(0)), axis)
            .outputs(c.out(node.output(0)))
            .attr("exclusive", node.boolAttr("exclusive"))
            .attr("reverse", node.boolAttr("reverse")));
    c.done();
  }
}
