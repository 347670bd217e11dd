package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;

/**
 * CTCLoss-4 (preprocess_collapse_repeated=false, ctc_merge_repeated=true, unique=false: the
 * standard CTC loss) as the forward algorithm in log space, unrolled over the static number of
 * time steps. The labels are interleaved with blanks ([N, 2T + 1]); log-softmax of the logits is
 * gathered at them for every step; each step's log-alpha is the log-sum-exp of staying, moving
 * one and (to a label unlike the one two back) moving two, plus the step's log-probability, and
 * stays as it was once the step is past the sequence's logit_length. The loss is minus the
 * log-sum-exp of the last two positions of each sequence's labels. "Impossible" is -1e30 rather
 * than -inf (so that log-sum-exp never subtracts infinities).
 */
@ConvertsOp(type = "CTCLoss", versions = 4,
    notes = "forward algorithm in log space, unrolled over the (static) time steps; the standard variant only (no collapse, merge repeated, not unique)")
public final class CTCLossConverter implements OpConverter {
  /** The most time steps unrolled (about 15 ONNX nodes each). */
  static final long MAX_STEPS = 4096;

  private static final double IMPOSSIBLE = -1e30;

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.boolAttr("preprocess_collapse_repeated") || !node.boolAttr("ctc_merge_repeated") || node.boolAttr("unique")) {
      throw node.error("converts only the standard CTC loss (preprocess_collapse_repeated=false, ctc_merge_repeated=true,"
          + " unique=false)");
    }
    ElementType f = node.inputType(0);
    if (f != ElementType.F32) {
      throw node.error("has " + f + " logits; only f32 is supported");
    }
    Dimension steps = node.inputShape(0).dims().get(1);
    Dimension classes = node.inputShape(0).dims().get(2);
    if (!steps.isStatic() || !classes.isStatic()) {
      throw node.error("needs static time and class axes (the recursion is unrolled over the time steps)");
    }
    long t = steps.length();
    if (t < 1 || t > MAX_STEPS) {
      // each step adds a dozen nodes: a bound keeps a model's declared shape from growing the graph without end
      throw node.error("has " + t + " time steps; the recursion is unrolled, for 1 to " + MAX_STEPS + " steps");
    }
    long s = 2 * t + 1;
    String labels = Tensors.castIfNeeded(graph, node.input(2), node.inputType(2), ElementType.I64);
    String blank = node.inputCount() > 4
        ? graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 4), graph.int64s(false, 1, 1)))
        : graph.int64s(false, classes.length() - 1);
    String logP = graph.addOne(OnnxNode.op("LogSoftmax").inputs(node.input(0)).attr("axis", 2L));
    // extended labels [N, 2T + 1]: blank, l1, blank, l2, ..., blank
    String blanks = graph.addOne(OnnxNode.op("Expand").inputs(graph.addOne(OnnxNode.op("Reshape").inputs(blank,
        graph.int64s(false, 1, 1, 1))), shapeOf(graph, Tensors.unsqueeze(graph, labels, 2))));
    String pairs = graph.addOne(OnnxNode.op("Concat").inputs(blanks, Tensors.unsqueeze(graph, labels, 2)).attr("axis", 2L));
    String flat = graph.addOne(OnnxNode.op("Reshape").inputs(pairs, graph.int64s(false, 0, 2 * t)));
    String lastBlank = graph.addOne(OnnxNode.op("Slice").inputs(blanks, graph.int64s(false, 0), graph.int64s(false, 1),
        graph.int64s(false, 1)));
    String extended = graph.addOne(OnnxNode.op("Concat")
        .inputs(flat, graph.addOne(OnnxNode.op("Reshape").inputs(lastBlank, graph.int64s(false, 0, 1)))).attr("axis", 1L));
    // emissions [N, T, 2T + 1]: log p(t, extended[s])
    String index = graph.addOne(OnnxNode.op("Expand").inputs(Tensors.unsqueeze(graph, extended, 1),
        graph.addOne(OnnxNode.op("Concat").inputs(sliceOfShape(graph, logP, 0, 2), graph.int64s(false, s)).attr("axis", 0L))));
    String emissions = graph.addOne(OnnxNode.op("GatherElements").inputs(logP, index).attr("axis", 2L));
    // a move by two is allowed onto a label unlike the one two back
    String twoBack = graph.addOne(OnnxNode.op("Slice").inputs(
        graph.addOne(OnnxNode.op("Pad").inputs(extended, graph.int64s(false, 0, 2, 0, 0), graph.int64s(true, -1))),
        graph.int64s(false, 0), graph.int64s(false, s), graph.int64s(false, 1)));
    String notBlank = graph.addOne(OnnxNode.op("Not").inputs(graph.addOne(OnnxNode.op("Equal").inputs(extended, blank))));
    String unlike = graph.addOne(OnnxNode.op("Not").inputs(graph.addOne(OnnxNode.op("Equal").inputs(extended, twoBack))));
    String skip = graph.addOne(OnnxNode.op("And").inputs(notBlank, unlike)); // twoBack -1 (before the start) is unlike
    String impossible = graph.scalar(ElementType.F32, IMPOSSIBLE);
    String logitLength = Tensors.unsqueeze(graph, Tensors.castIfNeeded(graph, node.input(1), node.inputType(1), ElementType.I64), 1);
    double[] start = new double[(int) s];
    start[0] = 1;
    if (s > 1) {
      start[1] = 1;
    }
    String startMask = graph.addOne(OnnxNode.op("Cast").inputs(graph.constant(ElementType.U8, new long[] {s}, start))
        .attr("to", (long) graph.onnxType(ElementType.BOOLEAN)));
    String alpha = graph.addOne(OnnxNode.op("Where").inputs(startMask, step(graph, emissions, 0), impossible));
    for (long k = 1; k < t; k++) {
      String stay = alpha;
      String one = shift(graph, alpha, 1, s);
      String two = graph.addOne(OnnxNode.op("Where").inputs(skip, shift(graph, alpha, 2, s), impossible));
      String next = graph.addOne(OnnxNode.op("Add").inputs(logSumExp(graph, stay, one, two), step(graph, emissions, k)));
      String active = graph.addOne(OnnxNode.op("Less").inputs(graph.int64s(false, k), logitLength));
      alpha = graph.addOne(OnnxNode.op("Where").inputs(active, next, alpha));
    }
    // the end: positions 2L and 2L - 1 (none for an empty label sequence)
    String labelLength = Tensors.unsqueeze(graph, Tensors.castIfNeeded(graph, node.input(3), node.inputType(3), ElementType.I64), 1);
    String endIndex = graph.addOne(OnnxNode.op("Mul").inputs(labelLength, graph.int64s(true, 2)));
    String last = graph.addOne(OnnxNode.op("GatherElements").inputs(alpha, endIndex).attr("axis", 1L));
    String beforeIndex = graph.addOne(OnnxNode.op("Max").inputs(
        graph.addOne(OnnxNode.op("Sub").inputs(endIndex, graph.int64s(true, 1))), graph.int64s(true, 0)));
    String hasLabels = graph.addOne(OnnxNode.op("Greater").inputs(labelLength, graph.int64s(true, 0)));
    String before = graph.addOne(OnnxNode.op("Where").inputs(hasLabels,
        graph.addOne(OnnxNode.op("GatherElements").inputs(alpha, beforeIndex).attr("axis", 1L)), impossible));
    String total = graph.addOne(OnnxNode.op("Squeeze").inputs(logSumExp(graph, last, before), graph.int64s(false, 1)));
    graph.add(OnnxNode.op("Neg").inputs(total).outputs(node.output(0)));
  }

  /** log(sum(exp(v))) of same-shaped values, with the largest taken out first. */
  private static String logSumExp(GraphBuilder graph, String... values) throws ConversionException {
    String max = graph.addOne(OnnxNode.op("Max").inputs(values));
    String sum = null;
    for (String v : values) {
      String e = graph.addOne(OnnxNode.op("Exp").inputs(graph.addOne(OnnxNode.op("Sub").inputs(v, max))));
      sum = sum == null ? e : graph.addOne(OnnxNode.op("Add").inputs(sum, e));
    }
    return graph.addOne(OnnxNode.op("Add").inputs(max, graph.addOne(OnnxNode.op("Log").inputs(sum))));
  }

  /** alpha moved {@code by} positions to the right along axis 1, impossible where nothing moves in. */
  private static String shift(GraphBuilder graph, String alpha, long by, long s) throws ConversionException {
    String padded = graph.addOne(OnnxNode.op("Pad").inputs(alpha, graph.int64s(false, 0, by, 0, 0),
        graph.scalar(ElementType.F32, IMPOSSIBLE)));
    return graph.addOne(OnnxNode.op("Slice").inputs(padded, graph.int64s(false, 0), graph.int64s(false, s), graph.int64s(false, 1)));
  }

  /** emissions[:, k, :]. */
  private static String step(GraphBuilder graph, String emissions, long k) throws ConversionException {
    return graph.addOne(OnnxNode.op("Gather").inputs(emissions, graph.int64s(true, k)).attr("axis", 1L));
  }

  private static String shapeOf(GraphBuilder graph, String value) throws ConversionException {
    return graph.addOne(OnnxNode.op("Shape").inputs(value));
  }

  /** Dimensions [from, to) of {@code value}'s shape. */
  private static String sliceOfShape(GraphBuilder graph, String value, long from, long to) throws ConversionException {
    return graph.addOne(OnnxNode.op("Slice").inputs(shapeOf(graph, value), graph.int64s(false, from), graph.int64s(false, to)));
  }
}
