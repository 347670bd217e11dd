package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * OneHot v1 and v16. ONNX wraps indices in [-depth, -1] around, as v16's
 * negative_indices_mode=normalize does; v1 and ignore_negative give all off_value for them, so
 * negative indices are first replaced by depth (out of range: all off in both). f32 and i64
 * results use OneHot's values directly; other types select on_value/off_value with Where on a
 * one-hot mask (ONNX Runtime implements OneHot for few value types).
 */
@ConvertsOp(type = "OneHot", versions = {1, 16}, notes = "OneHot (+ Where for negative indices in ignore mode, and for result types other than f32/i64)")
public final class OneHotConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long axis = node.intAttr("axis");
    String mode = node.attributes().containsKey("negative_indices_mode") ? node.stringAttr("negative_indices_mode") : "ignore_negative";
    if (!mode.equals("ignore_negative") && !mode.equals("normalize")) {
      throw node.error("unknown negative_indices_mode '" + mode + "'");
    }
    String indices = Tensors.int64Input(node, graph, 0);
    String depth = Tensors.int64Input(node, graph, 1);
    if (mode.equals("ignore_negative")) {
      String negative = graph.addOne(OnnxNode.op("Less").inputs(indices, graph.int64s(true, 0)));
      indices = graph.addOne(OnnxNode.op("Where").inputs(negative, depth, indices));
    }
    ElementType type = node.outputType(0);
    if (type == ElementType.F32 || type == ElementType.I64) {
      String values = graph.addOne(OnnxNode.op("Concat")
          .inputs(Tensors.toVector(graph, node.input(3)), Tensors.toVector(graph, node.input(2))).attr("axis", 0L));
      graph.add(OnnxNode.op("OneHot").inputs(indices, depth, values).outputs(node.output(0)).attr("axis", axis));
      return;
    }
    String hot = graph.addOne(OnnxNode.op("OneHot").inputs(indices, depth, graph.int64s(false, 0, 1)).attr("axis", axis));
    String mask = graph.cast(hot, ElementType.BOOLEAN);
    OrtKernels.Detour detour = OrtKernels.detour("Where", node.outputType(0));
    String out = detour.out(graph, node.output(0));
    graph.add(OnnxNode.op("Where").inputs(mask, detour.in(graph, node.input(2)), detour.in(graph, node.input(3))).outputs(out));
    detour.back(graph, out, node.output(0));
  }
}
