package org.ov2onnx.convert.ops.embedding;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * What the embedding-bag converters share: the gathered (and weighted) rows, and their sum or
 * mean per bag through ScatterND with reduction=add (ONNX opset 16) into zeros, rows added in
 * index order; empty bags take the row default_index (when given and not negative) or stay zero.
 */
final class Bags {
  private Bags() {}

  /** The rows {@code table[indices]}, times per_sample_weights (input {@code weights}) if present. */
  static String rows(NodeView node, GraphBuilder graph, int weights, int lookupRank) throws ConversionException {
    String rows = graph.addOne(OnnxNode.op("Gather").inputs(node.input(0), Tensors.int64Input(node, graph, 1)));
    if (node.inputCount() <= weights) {
      return rows;
    }
    int tableRank = Tensors.inputRank(node, 0);
    long[] trailing = new long[tableRank - 1];
    for (int i = 0; i < trailing.length; i++) {
      trailing[i] = lookupRank + i;
    }
    String w = trailing.length == 0 ? node.input(weights) : Tensors.unsqueeze(graph, node.input(weights), trailing);
    return graph.addOne(OnnxNode.op("Mul").inputs(rows, w));
  }

  /**
   * Writes the node's output 0: the {@code rows} ({@code [N, ...]}) added up per bag {@code bagOf}
   * ({@code [N]}, int64) into {@code bags} bags ({@code [1]}, int64); divided by the bag's size when
   * {@code mean}; an empty bag gets row {@code defaultIndex} of the table (an input number, or -1).
   */
  static void reduce(NodeView node, GraphBuilder graph, String rows, String bagOf, String bags, boolean mean, int defaultIndex)
      throws ConversionException {
    ElementType t = node.inputType(0);
    String tableShape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String rowShape = graph.addOne(OnnxNode.op("Slice").inputs(tableShape, graph.int64s(false, 1), graph.int64s(false, Tensors.END)));
    String outShape = graph.addOne(OnnxNode.op("Concat").inputs(bags, rowShape).attr("axis", 0L));
    String zeros = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(outShape).attr("value", new OnnxNode.TensorAttr(t, new long[] {1}, new double[] {0})));
    String where = Tensors.unsqueeze(graph, bagOf, 1);
    String sums = graph.addOne(OnnxNode.op("ScatterND").inputs(zeros, where, rows).attr("reduction", "add"));
    boolean hasDefault = defaultIndex >= 0 && node.inputCount() > defaultIndex;
    if (!mean && !hasDefault) {
      graph.add(OnnxNode.op("Identity").inputs(sums).outputs(node.output(0)));
      return;
    }
    String noCounts = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(bags)
        .attr("value", new OnnxNode.TensorAttr(ElementType.I64, new long[] {1}, new double[] {0})));
    String ones = graph.addOne(OnnxNode.op("Expand").inputs(graph.int64s(false, 1), graph.addOne(OnnxNode.op("Shape").inputs(bagOf))));
    String counts = graph.addOne(OnnxNode.op("ScatterND").inputs(noCounts, where, ones).attr("reduction", "add"));
    int rank = Tensors.inputRank(node, 0);
    long[] trailing = new long[rank - 1];
    for (int i = 0; i < trailing.length; i++) {
      trailing[i] = 1 + i;
    }
    String perBag = trailing.length == 0 ? counts : Tensors.unsqueeze(graph, counts, trailing);
    String result = sums;
    if (mean) {
      String divisor = graph.addOne(OnnxNode.op("Max").inputs(perBag, graph.int64s(true, 1)));
      result = graph.addOne(OnnxNode.op("Div").inputs(sums, Tensors.castIfNeeded(graph, divisor, ElementType.I64, t)));
    }
    if (!hasDefault) {
      graph.add(OnnxNode.op("Identity").inputs(result).outputs(node.output(0)));
      return;
    }
    String index = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, defaultIndex), graph.int64s(false)));
    String valid = graph.addOne(OnnxNode.op("Not").inputs(graph.addOne(OnnxNode.op("Less").inputs(index, graph.int64s(true, 0)))));
    String row = graph.addOne(OnnxNode.op("Gather").inputs(node.input(0), graph.addOne(OnnxNode.op("Max").inputs(index, graph.int64s(true, 0)))));
    String empty = graph.addOne(OnnxNode.op("Equal").inputs(perBag, graph.int64s(true, 0)));
    String fill = graph.addOne(OnnxNode.op("And").inputs(empty, valid));
    graph.add(OnnxNode.op("Where").inputs(fill, row, result).outputs(node.output(0)));
  }

  /** The bag of each of the N indices, from the bags' start offsets: {@code count(offsets <= i) - 1}. */
  static String bagsFromOffsets(NodeView node, GraphBuilder graph, int indicesInput, int offsetsInput) throws ConversionException {
    String n = graph.addOne(OnnxNode.op("Shape").inputs(node.input(indicesInput)));
    String positions = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0),
        graph.addOne(OnnxNode.op("Reshape").inputs(n, graph.int64s(false))), graph.int64s(true, 1)));
    String offsets = Tensors.int64Input(node, graph, offsetsInput);
    String started = graph.addOne(OnnxNode.op("LessOrEqual").inputs(offsets, Tensors.unsqueeze(graph, positions, 1)));
    String count = graph.addOne(OnnxNode.op("ReduceSum").inputs(graph.cast(started, ElementType.I64), graph.int64s(false, 1)).attr("keepdims", 0L));
    return graph.addOne(OnnxNode.op("Sub").inputs(count, graph.int64s(true, 1)));
  }

  /** The reduction attribute of the v15 operations: true for mean. */
  static boolean mean(NodeView node) throws ConversionException {
    if (!node.attributes().containsKey("reduction")) {
      return false;
    }
    String r = node.stringAttr("reduction");
    return switch (r) {
      case "sum" -> false;
      case "mean" -> true;
      default -> throw node.error("unknown reduction '" + r + "'");
    };
  }
}
