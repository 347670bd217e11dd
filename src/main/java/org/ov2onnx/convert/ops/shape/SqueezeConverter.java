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
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * Squeeze (v1, and v15 with allow_axis_skip). Without axes (or with empty axes) every dimension of
 * length 1 goes, as in ONNX. Constant axes: one whose dimension is statically not 1 is left in
 * place (OpenVINO copies it as is); one whose dimension is dynamic is squeezed, except with
 * allow_axis_skip=true, where OpenVINO decides at run time and ONNX cannot follow (refused).
 *
 * <p>Axes known only at run time follow OpenVINO's shape inference on the actual values: a listed
 * axis (negative counts from the end, repeats allowed) goes where its dimension is 1 and stays
 * otherwise; an empty axes tensor removes every dimension of length 1. The axes to remove are
 * computed as a mask over the dimensions and handed to ONNX's Squeeze (axes as an input, opset 13)
 * with one extra unit axis appended, so that the list is never empty (ONNX would read an empty
 * list as "all unit dimensions").
 */
@ConvertsOp(type = "Squeeze", versions = {1, 15}, notes = "Squeeze; run-time axes through a mask of the dimensions to "
    + "remove; v15 allow_axis_skip with constant axes on a dynamic dimension is refused")
public final class SqueezeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean allowSkip = node.attributes().containsKey("allow_axis_skip") && node.boolAttr("allow_axis_skip");
    if (node.inputCount() < 2) {
      graph.add(OnnxNode.op("Squeeze").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    if (node.constantInput(1).isEmpty()) {
      runTimeAxes(node, graph);
      return;
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

  /** Squeezes the axes input names at run time, where their dimension is 1 (all unit axes if it is empty). */
  private static void runTimeAxes(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    String given = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 1), graph.int64s(false, -1)));
    String negative = graph.addOne(OnnxNode.op("Less").inputs(given, graph.int64s(true, 0)));
    String wrapped = graph.addOne(OnnxNode.op("Add").inputs(given, graph.int64s(true, rank)));
    String axes = graph.addOne(OnnxNode.op("Where").inputs(negative, wrapped, given));
    String count = graph.addOne(OnnxNode.op("Shape").inputs(axes));
    String marks = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(count)
        .attr("value", new OnnxNode.TensorAttr(ElementType.BOOLEAN, new long[] {1}, new double[] {1})));
    String listed = graph.addOne(OnnxNode.op("ScatterElements")
        .inputs(graph.constant(ElementType.BOOLEAN, new long[] {rank}, new double[rank]), axes, marks).attr("axis", 0L));
    PartialShape axesShape = node.inputShape(1);
    boolean maybeEmpty = axesShape.isRankDynamic() || axesShape.rank() == 1 && !axesShape.dims().get(0).isStatic();
    if (maybeEmpty) {
      String none = graph.addOne(OnnxNode.op("Equal").inputs(count, graph.int64s(false, 0)));
      listed = graph.addOne(OnnxNode.op("Or").inputs(listed, none));
    }
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String unit = graph.addOne(OnnxNode.op("Equal").inputs(shape, graph.int64s(false, 1)));
    String remove = graph.addOne(OnnxNode.op("And").inputs(listed, unit));
    String withExtra = graph.addOne(OnnxNode.op("Concat")
        .inputs(remove, graph.constant(ElementType.BOOLEAN, new long[] {1}, 1)).attr("axis", 0L));
    String positions = graph.addOne(OnnxNode.op("NonZero").inputs(withExtra));
    String list = graph.addOne(OnnxNode.op("Reshape").inputs(positions, graph.int64s(false, -1)));
    String extended = Tensors.unsqueeze(graph, node.input(0), rank);
    graph.add(OnnxNode.op("Squeeze").inputs(extended, list).outputs(node.output(0)));
  }
}
