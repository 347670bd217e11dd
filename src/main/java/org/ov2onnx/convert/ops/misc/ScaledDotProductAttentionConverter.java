package org.ov2onnx.convert.ops.misc;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * ScaledDotProductAttention, decomposed as OpenVINO's specification writes it:
 *
 * <pre>
 * weights = Softmax(MatMul(Q, Transpose(K)) * scale + bias, axis = -1);  output = MatMul(weights, V)
 * </pre>
 *
 * scale is input 4, or 1/sqrt(E) with E the last dimension of Q. bias is, with {@code causal}, -inf
 * above the diagonal of the [L, S] scores (the mask input is then ignored); otherwise a boolean
 * mask gives 0 where true and -inf where false, and a numeric mask is added as it is. A row with
 * every score masked gives NaN, in OpenVINO and here.
 */
@ConvertsOp(
    type = "ScaledDotProductAttention",
    versions = 13,
    notes = "MatMul/Mul/Add/Softmax/MatMul; causal mask via Range/Greater/Where; needs the key's static rank")
public final class ScaledDotProductAttentionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType type = node.inputType(0);
    PartialShape keyShape = node.inputShape(1);
    if (keyShape.isRankDynamic()) {
      throw node.error("has a key of dynamic rank; transposing it to [..., E, S] needs the rank");
    }
    int rank = keyShape.rank();
    long[] perm = new long[rank];
    for (int d = 0; d < rank; d++) {
      perm[d] = d;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    String keyT = graph.addOne(OnnxNode.op("Transpose").inputs(node.input(1)).attr("perm", perm));
    String scores = graph.addOne(OnnxNode.op("MatMul").inputs(node.input(0), keyT));
    String scaled = graph.addOne(OnnxNode.op("Mul").inputs(scores, scale(node, graph, type)));
    String bias = bias(node, graph, type);
    String biased = bias == null ? scaled : graph.addOne(OnnxNode.op("Add").inputs(scaled, bias));
    String weights = graph.addOne(OnnxNode.op("Softmax").inputs(biased).attr("axis", -1L));
    graph.add(OnnxNode.op("MatMul").inputs(weights, node.input(2)).outputs(node.output(0)));
  }

  private static String scale(NodeView node, GraphBuilder graph, ElementType type) throws ConversionException {
    if (node.inputCount() > 4) {
      return like(graph, node.input(4), node.inputType(4), type);
    }
    PartialShape q = node.inputShape(0);
    if (!q.isRankDynamic() && q.dims().get(q.rank() - 1).isStatic()) {
      return graph.scalar(type, 1 / Math.sqrt(q.dims().get(q.rank() - 1).length()));
    }
    String depth = graph.cast(dimension(graph, node.input(0), -1), type);
    String root = graph.addOne(OnnxNode.op("Sqrt").inputs(depth));
    return graph.addOne(OnnxNode.op("Reciprocal").inputs(root));
  }

  /** The additive bias of the scores, or null when there is none. */
  private static String bias(NodeView node, GraphBuilder graph, ElementType type) throws ConversionException {
    if (node.boolAttr("causal")) {
      String rows = graph.addOne(
          OnnxNode.op("Unsqueeze").inputs(range(graph, dimension(graph, node.input(0), -2)), graph.int64s(false, 1)));
      String columns = range(graph, dimension(graph, node.input(1), -2));
      String future = graph.addOne(OnnxNode.op("Greater").inputs(columns, rows));
      return graph.addOne(OnnxNode.op("Where").inputs(future, graph.scalar(type, Double.NEGATIVE_INFINITY), graph.scalar(type, 0)));
    }
    if (node.inputCount() <= 3) {
      return null;
    }
    if (node.inputType(3) == ElementType.BOOLEAN) {
      return graph.addOne(
          OnnxNode.op("Where").inputs(node.input(3), graph.scalar(type, 0), graph.scalar(type, Double.NEGATIVE_INFINITY)));
    }
    return like(graph, node.input(3), node.inputType(3), type);
  }

  /** Dimension {@code axis} of {@code value}'s shape, as an int64 scalar. */
  private static String dimension(GraphBuilder graph, String value, long axis) throws ConversionException {
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(value));
    return graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, axis)));
  }

  /** 0, 1, ..., n-1 for an int64 scalar n. */
  private static String range(GraphBuilder graph, String n) throws ConversionException {
    return graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), n, graph.int64s(true, 1)));
  }

  private static String like(GraphBuilder graph, String value, ElementType from, ElementType to) throws ConversionException {
    return from == to ? value : graph.cast(value, to);
  }
}
