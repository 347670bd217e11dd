package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.openvino.Dimension;

/**
 * Squeeze (v1, and v15 with allow_axis_skip). Without axes (or with empty axes) every dimension of
 * length 1 goes, as in ONNX. Listed axes must be constants: one whose dimension is statically not
 * 1 is left in place (OpenVINO copies it as is); one whose dimension is dynamic is squeezed, except
 * with allow_axis_skip=true, where OpenVINO decides at run time and ONNX cannot follow (refused).
 */
@ConvertsOp(type = "Squeeze", versions = {1, 15}, notes = "Squeeze; axes must be constants; v15 allow_axis_skip on a dynamic dimension is refused")
public final class SqueezeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean allowSkip = node.attributes().containsKey("allow_axis_skip") && node.boolAttr("allow_axis_skip");
    if (node.inputCount() < 2) {
      graph.add(OnnxNode.op("Squeeze").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    if (node.constantInput(1).isEmpty()) {
      throw node.error("needs its axes (input 1) to be a constant");
    }
    long[] given = node.constantInts(1);
    if (given.length == 0) {
      graph.add(OnnxNode.op("Squeeze").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    int rank = Tensors.inputRank(node, 0);
    List<Long> axes = new ArrayList<>();
    for (long a : given) {
      int axis = Tensors.axis(node, a, rank);
      Dimension d = node.inputShape(0).dims().get(axis);
      if (!d.isStatic() && allowSkip) {
        throw node.error("allow_axis_skip=true on dynamic dimension " + axis + ": whether it is squeezed is decided at run time, which ONNX Squeeze cannot express");
      }
      if ((!d.isStatic() || d.length() == 1) && !axes.contains((long) axis)) {
        axes.add((long) axis);
      }
    }
    if (axes.isEmpty()) {
      graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    long[] list = axes.stream().mapToLong(Long::longValue).sorted().toArray();
    graph.add(OnnxNode.op("Squeeze").inputs(node.input(0), graph.int64s(false, list)).outputs(node.output(0)));
  }
}
