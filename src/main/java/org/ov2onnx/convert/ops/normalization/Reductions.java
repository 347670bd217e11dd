package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * Emits ONNX Reduce* nodes in the form the target opset wants: axes as an attribute before opset
 * 18 (ReduceSum: before 13), as an int64 input from then on.
 */
final class Reductions {
  private Reductions() {}

  /** Whether ONNX {@code op} takes its axes as an input at {@code opset}. */
  static boolean axesAsInput(String op, int opset) {
    return op.equals("ReduceSum") ? opset >= 13 : opset >= 18;
  }

  /**
   * Reduces {@code data} with ONNX {@code op} over {@code axes}, writing {@code output} (or a fresh
   * value when null); returns the result's name.
   *
   * <p>OpenVINO reduces over nothing when the axes are empty, where ONNX reduces over everything
   * unless {@code noop_with_empty_axes} is set: constant empty axes therefore give the data itself
   * (an Identity when {@code output} is named), and run-time axes set {@code
   * noop_with_empty_axes}. Run-time axes need the input form; before it, the node is refused.
   */
  static String reduce(
      NodeView node, GraphBuilder graph, String op, String data, Axes axes, boolean keepDims, String output)
      throws ConversionException {
    boolean asInput = axesAsInput(op, graph.opset());
    OnnxNode reduce;
    if (axes.isEmpty()) {
      if (output == null) {
        return data;
      }
      reduce = OnnxNode.op("Identity").inputs(data);
    } else if (axes.isConstant()) {
      reduce = OnnxNode.op(op).attr("keepdims", keepDims);
      if (asInput) {
        reduce.inputs(data, graph.int64s(false, axes.values()));
      } else {
        reduce.inputs(data).attr("axes", axes.values());
      }
    } else {
      if (!asInput) {
        throw node.error(
            "has run-time axes, and ONNX "
                + op
                + " takes run-time axes only from opset "
                + (op.equals("ReduceSum") ? 13 : 18)
                + " (target opset "
                + graph.opset()
                + "): target a newer opset or make the axes constant");
      }
      reduce = OnnxNode.op(op).inputs(data, axes.tensor()).attr("keepdims", keepDims).attr("noop_with_empty_axes", true);
    }
    return output == null ? graph.addOne(reduce) : graph.add(reduce.outputs(output)).get(0);
  }

  /** A reduction OpenVINO node (data, axes; keep_dims) converted to ONNX {@code op} one to one. */
  static void convertDirectly(NodeView node, GraphBuilder graph, String op) throws ConversionException {
    ElementType type = node.inputType(0);
    // Max and Min select a value, exact in any wider type; 8- and 16-bit integer sums and products
    // wrap in int32 cast back as in the narrow type; other types would give other results
    boolean widen = op.equals("ReduceMax") || op.equals("ReduceMin")
        || ((op.equals("ReduceSum") || op.equals("ReduceProd")) && (type == ElementType.I8 || type == ElementType.U8
            || type == ElementType.I16 || type == ElementType.U16));
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, op, 0, type, widen);
    reduce(node, graph, op, c.in(node.input(0)), Axes.ofInput(node, 1, graph), node.boolAttr("keep_dims"), c.out(node.output(0)));
    c.done();
  }

  /**
   * ReduceL1 / ReduceL2. Constant axes use the ONNX op. Empty axes give |x| in OpenVINO (the norm
   * of one element). Run-time axes are summed with ReduceSum, which takes them from opset 13 and,
   * with noop_with_empty_axes, keeps |x| right when they turn out empty.
   */
  static void convertNorm(NodeView node, GraphBuilder graph, boolean l2) throws ConversionException {
    Axes axes = Axes.ofInput(node, 1, graph);
    boolean keepDims = node.boolAttr("keep_dims");
    // L1 of 8- and 16-bit integers: a wrapping sum, the same in int32 cast back; L2 (a square root) would differ
    ElementType type = node.inputType(0);
    boolean widen = !l2 && (type == ElementType.I8 || type == ElementType.U8 || type == ElementType.I16 || type == ElementType.U16);
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, l2 ? "ReduceL2" : "ReduceL1", 0, type, widen);
    String x = c.in(node.input(0));
    String output = c.out(node.output(0));
    if (axes.isEmpty()) {
      graph.add(OnnxNode.op("Abs").inputs(x).outputs(output));
    } else if (axes.isConstant()) {
      reduce(node, graph, l2 ? "ReduceL2" : "ReduceL1", x, axes, keepDims, output);
    } else if (l2) {
      String squares = graph.addOne(OnnxNode.op("Mul").inputs(x, x));
      String sum = reduce(node, graph, "ReduceSum", squares, axes, keepDims, null);
      graph.add(OnnxNode.op("Sqrt").inputs(sum).outputs(output));
    } else {
      String magnitudes = graph.addOne(OnnxNode.op("Abs").inputs(x));
      reduce(node, graph, "ReduceSum", magnitudes, axes, keepDims, output);
    }
    c.done();
  }

  /**
   * ReduceLogicalAnd / ReduceLogicalOr: the booleans as int32, reduced with {@code op}, cast back.
   * The axes must be constant: OpenVINO's CPU plugin cannot run these with run-time axes, so such
   * a conversion could not be checked against it.
   */
  static void convertLogical(NodeView node, GraphBuilder graph, String op) throws ConversionException {
    if (node.constantInput(1).isEmpty()) {
      throw node.error("has run-time axes; only constant axes are supported for logical reductions");
    }
    String numbers = graph.cast(node.input(0), ElementType.I32);
    String reduced = reduce(node, graph, op, numbers, Axes.ofInput(node, 1, graph), node.boolAttr("keep_dims"), null);
    graph.add(
        OnnxNode.op("Cast").inputs(reduced).outputs(node.output(0)).attr("to", (long) graph.onnxType(ElementType.BOOLEAN)));
  }
}
