package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * Insertion positions in sorted boundaries by counting (Bucketize, SearchSorted): the number of
 * boundaries below a value ({@code boundary < value}, or {@code <=}) is its position, counted
 * with a broadcast comparison and a ReduceSum over the boundaries' axis.
 */
final class Counting {
  private Counting() {}

  /**
   * Inputs {@code a} and {@code b} of the node in one type ONNX's comparisons take: as they are
   * when their types agree (bf16 cast to f32, as LessOrEqual takes it only from opset 16);
   * otherwise both cast to f64, exact for every value but integers beyond 2^53.
   */
  static String[] comparable(NodeView node, GraphBuilder graph, int a, int b) throws ConversionException {
    ElementType ta = node.inputType(a);
    ElementType tb = node.inputType(b);
    ElementType common = ta == tb ? (ta == ElementType.BF16 ? ElementType.F32 : ta) : ElementType.F64;
    if (!Elementwise.NUMERIC.contains(ta) || !Elementwise.NUMERIC.contains(tb)) {
      throw node.error("needs numeric inputs, got " + ta + " and " + tb);
    }
    return new String[] {
      Tensors.castIfNeeded(graph, node.input(a), ta, common), Tensors.castIfNeeded(graph, node.input(b), tb, common)
    };
  }

  /**
   * Writes, as the node's output 0 (cast to its type), how many of {@code boundaries} along the
   * last axis are below {@code values} ({@code boundary < value}; {@code <=} when {@code orEqual}).
   * Both must already broadcast against each other with the boundaries on the last axis.
   */
  static void countBelow(NodeView node, GraphBuilder graph, String boundaries, String values, boolean orEqual)
      throws ConversionException {
    String below = graph.addOne(OnnxNode.op(orEqual ? "LessOrEqual" : "Less").inputs(boundaries, values));
    String ones = graph.addOne(OnnxNode.op("Cast").inputs(below).attr("to", (long) graph.onnxType(ElementType.I64)));
    OnnxNode count = OnnxNode.op("ReduceSum").inputs(ones, graph.int64s(false, -1)).attr("keepdims", 0L);
    Tensors.emitAs(node, graph, count, ElementType.I64);
  }
}
