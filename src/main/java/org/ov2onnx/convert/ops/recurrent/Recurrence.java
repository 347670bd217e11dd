package org.ov2onnx.convert.ops.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * What the recurrent converters share: one OpenVINO cell or sequence becomes one ONNX {@code RNN},
 * {@code GRU} or {@code LSTM} node, with the layouts, gate orders and biases mapped.
 *
 * <ul>
 *   <li>Layouts. OpenVINO sequences are batch-first (X [batch, seq, input], states [batch,
 *       num_directions, hidden], Y [batch, num_directions, seq, hidden]); ONNX's default layout is
 *       seq-first, so Transposes go around the node. Cells are one-step sequences: Unsqueeze in,
 *       Squeeze out.
 *   <li>Weights. W/R/B are re-laid out by a row map: ONNX row {@code k} of each direction takes
 *       OpenVINO row {@code map[k]}, or zero for -1. Constants are re-laid out at conversion time
 *       (new initializers, exact); other values by a Gather (and a Concat with a zero row).
 *   <li>Types. ONNX Runtime's kernels run f32 only, and OpenVINO's CPU plugin computes these
 *       operations in f32 too: f16/bf16/f64 values are cast to f32 and the outputs back.
 * </ul>
 */
final class Recurrence {
  private Recurrence() {}

  /** The ONNX operation and its per-cell facts. */
  enum Kind {
    RNN(1, 1),
    GRU(3, 2),
    LSTM(4, 3);

    final int gates;
    final int activationCount;

    Kind(int gates, int activationCount) {
      this.gates = gates;
      this.activationCount = activationCount;
    }
  }

  /** The activation functions OpenVINO's CPU plugin runs (it rejects the others), as ONNX spells them. */
  private static final Map<String, String> ACTIVATIONS =
      Map.of("sigmoid", "Sigmoid", "tanh", "Tanh", "relu", "Relu");

  /**
   * Input positions of one OpenVINO operation (-1: the operation has no such input). {@code
   * sequence}: batch-first sequence inputs and outputs rather than a cell's.
   */
  record Ports(boolean sequence, int x, int h, int c, int lengths, int w, int r, int b, int p) {}

  /** Converts {@code node}, an operation of {@code kind} with inputs at {@code ports}. */
  static void convert(NodeView node, GraphBuilder graph, Kind kind, Ports ports) throws ConversionException {
    ElementType type = node.inputType(ports.x());
    if (type != ElementType.F32 && type != ElementType.F16 && type != ElementType.BF16 && type != ElementType.F64) {
      throw node.error("element type " + type + " is not supported (f32, f16, bf16 and f64 are)");
    }
    long hidden = node.intAttr("hidden_size");
    String direction = ports.sequence() ? node.stringAttr("direction") : "forward";
    int directions = switch (direction) {
      case "forward", "reverse" -> 1;
      case "bidirectional" -> 2;
      default -> throw node.error("unknown direction '" + direction + "'");
    };
    refuseDisputedV1Features(node, ports);
    boolean linearBeforeReset =
        node.attributes().containsKey("linear_before_reset") && node.boolAttr("linear_before_reset");

    OnnxNode op = OnnxNode.op(kind.name())
        .attr("hidden_size", hidden)
        .attr("direction", direction)
        .attr("activations", activations(node, kind, directions));
    double clip = node.floatAttr("clip");
    if (clip > 0) {
      op.attr("clip", clip);
    }
    if (kind == Kind.GRU) {
      op.attr("linear_before_reset", linearBeforeReset ? 1L : 0L);
    }

    int[] gates = gateOrder(node, kind);
    int h = (int) hidden;
    Weights weights = new Weights(node, graph, ports.sequence(), directions);
    String x = toSeqFirst(node, graph, ports, ports.x());
    String w = weights.relayout(ports.w(), rows(gates, h), kind.gates * h);
    String r = weights.relayout(ports.r(), rows(gates, h), kind.gates * h);
    String b = "";
    if (ports.b() >= 0 && ports.b() < node.inputCount()) {
      b = weights.relayout(ports.b(), biasRows(kind, gates, h, linearBeforeReset), (kind.gates + (linearBeforeReset ? 1 : 0)) * h);
    }
    String lengths = "";
    if (ports.lengths() >= 0) {
      lengths = node.inputType(ports.lengths()) == ElementType.I32
          ? node.input(ports.lengths())
          : graph.cast(node.input(ports.lengths()), ElementType.I32);
    }
    List<String> inputs = new ArrayList<>(List.of(x, w, r, b, lengths, toSeqFirst(node, graph, ports, ports.h())));
    if (kind == Kind.LSTM) {
      inputs.add(toSeqFirst(node, graph, ports, ports.c()));
    }
    op.inputs(inputs);

    writeOutputs(node, graph, kind, ports, op, lengths, type);
  }

  /**
   * Adds {@code op} and writes OpenVINO's outputs from ONNX's: Y [seq, dirs, batch, hidden] (named
   * only when used), Y_h and Y_c [dirs, batch, hidden].
   */
  private static void writeOutputs(
      NodeView node, GraphBuilder graph, Kind kind, Ports ports, OnnxNode op, String lengths, ElementType type)
      throws ConversionException {
    int states = kind == Kind.LSTM ? 2 : 1;
    int firstState = ports.sequence() ? 1 : 0;
    boolean wantY = ports.sequence() && node.outputUsed(0);
    List<String> outputs = new ArrayList<>();
    outputs.add(wantY ? graph.fresh(node.name() + "/Y") : "");
    for (int s = 0; s < states; s++) {
      outputs.add(s == 0 || node.outputUsed(firstState + s) ? graph.fresh(node.name() + "/Y_" + "hc".charAt(s)) : "");
    }
    while (outputs.get(outputs.size() - 1).isEmpty()) {
      outputs.remove(outputs.size() - 1);
    }
    graph.add(op.outputs(outputs.toArray(new String[0])));
    if (wantY) {
      fromOnnx(node, graph, outputs.get(0), 0, new long[] {2, 1, 0, 3}, type);
    }
    if (kind == Kind.RNN && !lengths.isEmpty() && mayBeZero(node, ports.lengths())) {
      outputs.set(1, zeroWhereEmpty(graph, outputs.get(1), lengths));
    }
    for (int s = 0; s < states; s++) {
      int out = firstState + s;
      if (node.outputUsed(out)) {
        fromOnnx(node, graph, outputs.get(1 + s), out, ports.sequence() ? new long[] {1, 0, 2} : null, type);
      }
    }
  }

  private static boolean mayBeZero(NodeView node, int input) throws ConversionException {
    if (node.constantInput(input).isEmpty()) {
      return true;
    }
    for (long v : node.constantInts(input)) {
      if (v <= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Y_h with zeros for the batches of length 0, as OpenVINO gives. ONNX Runtime's RNN kernel (not
   * its GRU or LSTM) leaves those rows uninitialized.
   */
  private static String zeroWhereEmpty(GraphBuilder graph, String yh, String lengths) throws ConversionException {
    String empty = graph.addOne(OnnxNode.op("Equal").inputs(lengths, graph.constant(ElementType.I32, new long[0], 0)));
    String mask = graph.addOne(OnnxNode.op("Unsqueeze").inputs(empty, graph.int64s(false, 0, 2)));
    return graph.addOne(OnnxNode.op("Where").inputs(mask, graph.scalar(ElementType.F32, 0), yh));
  }

  /**
   * ONNX activations: OpenVINO's (any case) for each direction. activations_alpha/beta have no
   * effect on sigmoid, tanh and relu, in OpenVINO as in ONNX.
   */
  private static String[] activations(NodeView node, Kind kind, int directions) throws ConversionException {
    AttributeValue value = node.attribute("activations");
    List<String> names = value instanceof AttributeValue.Strs s ? s.values() : List.of(node.stringAttr("activations"));
    if (names.size() != kind.activationCount) {
      throw node.error("has " + names.size() + " activations, " + kind.name() + " needs " + kind.activationCount);
    }
    String[] out = new String[names.size() * directions];
    for (int i = 0; i < names.size(); i++) {
      String name = ACTIVATIONS.get(names.get(i).trim().toLowerCase(Locale.ROOT));
      if (name == null) {
        throw node.error("activation '" + names.get(i) + "' is not supported: OpenVINO's CPU plugin runs only"
            + " sigmoid, tanh and relu, so there is no reference to match");
      }
      for (int d = 0; d < directions; d++) {
        out[d * names.size() + i] = name;
      }
    }
    return out;
  }

  /**
   * ONNX gate {@code g} comes from OpenVINO gate {@code order[g]}. LSTM: ONNX i,o,f,c; OpenVINO
   * f,i,c,o (LSTMCell-1 also says so in {@code weights_format}; its CPU plugin ignores any other
   * value, so only 'fico' converts). GRU: z,r,h on both sides.
   */
  private static int[] gateOrder(NodeView node, Kind kind) throws ConversionException {
    if (kind != Kind.LSTM) {
      int[] identity = new int[kind.gates];
      for (int g = 0; g < identity.length; g++) {
        identity[g] = g;
      }
      return identity;
    }
    String format = node.attributes().containsKey("weights_format") ? node.stringAttr("weights_format") : "fico";
    if (!format.equals("fico")) {
      throw node.error("weights_format '" + format + "' is not supported: OpenVINO's CPU plugin reads the gates as"
          + " 'fico' whatever the attribute says, so the model has no single meaning to convert");
    }
    return new int[] {1, 3, 0, 2};
  }

  /** Rows for W or R: each ONNX gate's block of {@code hidden} rows from its OpenVINO gate. */
  private static int[] rows(int[] gates, int hidden) {
    int[] rows = new int[gates.length * hidden];
    for (int g = 0; g < gates.length; g++) {
      for (int j = 0; j < hidden; j++) {
        rows[g * hidden + j] = gates[g] * hidden + j;
      }
    }
    return rows;
  }

  /**
   * ONNX B is [Wb, Rb] (2 * gates * hidden). OpenVINO's single bias is their sum, taken as Wb (Rb
   * zero); GRU with linear_before_reset has a fourth block, Rb of the h gate.
   */
  private static int[] biasRows(Kind kind, int[] gates, int hidden, boolean linearBeforeReset) {
    int n = gates.length * hidden;
    int[] rows = new int[2 * n];
    System.arraycopy(rows(gates, hidden), 0, rows, 0, n);
    java.util.Arrays.fill(rows, n, 2 * n, -1);
    if (kind == Kind.GRU && linearBeforeReset) {
      for (int j = 0; j < hidden; j++) {
        rows[n + 2 * hidden + j] = 3 * hidden + j;
      }
    }
    return rows;
  }

  /**
   * LSTMCell-1's peepholes (P) and {@code input_forget}: its specification applies them, but
   * OpenVINO's CPU plugin, the reference, ignores both (it turns the node into an LSTMCell-4), so a
   * model that uses them has two meanings. Converted only when they have no effect: no P or an
   * all-zero constant P, and {@code input_forget} false.
   */
  private static void refuseDisputedV1Features(NodeView node, Ports ports) throws ConversionException {
    if (node.attributes().containsKey("input_forget") && node.boolAttr("input_forget")) {
      throw node.error("input_forget=true is not supported: OpenVINO's specification couples the gates, its CPU"
          + " plugin ignores the attribute, so the model has no single meaning to convert");
    }
    if (ports.p() < 0 || ports.p() >= node.inputCount()) {
      return;
    }
    Optional<ConstantData> p = node.constantInput(ports.p());
    if (p.isEmpty()) {
      throw node.error("peepholes (input " + ports.p() + ") that are not a constant are not supported: OpenVINO's"
          + " specification applies them, its CPU plugin ignores them, so only all-zero peepholes convert");
    }
    ConstantData data = p.get();
    for (double v : TensorBytes.decode(data.elementType(), data.bytes(), (int) data.elementCount())) {
      if (v != 0) {
        throw node.error("non-zero peepholes (input " + ports.p() + ") are not supported: OpenVINO's specification"
            + " applies them, its CPU plugin ignores them, so the model has no single meaning to convert");
      }
    }
  }

  /** X, H or C in ONNX's layout: a sequence's [batch, ...] made seq/direction-first; a cell's unsqueezed. */
  private static String toSeqFirst(NodeView node, GraphBuilder graph, Ports ports, int input) throws ConversionException {
    String v = node.input(input);
    ElementType t = node.inputType(input);
    if (t != ElementType.F32) {
      v = graph.cast(v, ElementType.F32);
    }
    if (ports.sequence()) {
      return graph.addOne(OnnxNode.op("Transpose").inputs(v).attr("perm", new long[] {1, 0, 2}));
    }
    return graph.addOne(OnnxNode.op("Unsqueeze").inputs(v, graph.int64s(false, 0)));
  }

  /** Writes OpenVINO output {@code out} from ONNX value {@code v}: Transposed by {@code perm}, or Squeezed (a cell). */
  private static void fromOnnx(NodeView node, GraphBuilder graph, String v, int out, long[] perm, ElementType type)
      throws ConversionException {
    boolean cast = type != ElementType.F32;
    OnnxNode last = perm == null
        ? OnnxNode.op("Squeeze").inputs(v, graph.int64s(false, 0))
        : OnnxNode.op("Transpose").inputs(v).attr("perm", perm);
    if (cast) {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(last)).attr("to", (long) graph.onnxType(type)).outputs(node.output(out)));
    } else {
      graph.add(last.outputs(node.output(out)));
    }
  }

  /** Re-lays out W, R, B and P into ONNX's [num_directions, rows, ...] f32 tensors. */
  private static final class Weights {
    private final NodeView node;
    private final GraphBuilder graph;
    private final boolean sequence;
    private final int directions;

    Weights(NodeView node, GraphBuilder graph, boolean sequence, int directions) {
      this.node = node;
      this.graph = graph;
      this.sequence = sequence;
      this.directions = directions;
    }

    /**
     * Input {@code input}, of {@code n} rows per direction, with ONNX row k of each direction taken
     * from row {@code rows[k]} (-1: zero).
     */
    String relayout(int input, int[] rows, int n) throws ConversionException {
      Optional<ConstantData> constant = node.constantInput(input);
      if (constant.isPresent()) {
        return constant(constant.get(), rows);
      }
      int axis = sequence ? 1 : 0;
      String v = node.input(input);
      if (node.inputType(input) != ElementType.F32) {
        v = graph.cast(v, ElementType.F32);
      }
      int prefix = 0;
      while (prefix < rows.length && rows[prefix] == prefix) {
        prefix++;
      }
      boolean zeroTail = true;
      for (int k = prefix; k < rows.length; k++) {
        zeroTail &= rows[k] < 0;
      }
      if (prefix == n && zeroTail) {
        // the rows as they are, then zeros (OpenVINO's bias as Wb, Rb zero)
        if (rows.length > n) {
          v = graph.addOne(OnnxNode.op("Concat").inputs(v, zeros(rows.length - n)).attr("axis", (long) axis));
        }
      } else {
        int[] source = rows.clone();
        boolean zeros = false;
        for (int k = 0; k < source.length; k++) {
          if (source[k] < 0) {
            source[k] = n; // a zero row appended below
            zeros = true;
          }
        }
        if (zeros) {
          v = graph.addOne(OnnxNode.op("Concat").inputs(v, zeros(1)).attr("axis", (long) axis));
        }
        long[] indices = new long[source.length];
        for (int k = 0; k < source.length; k++) {
          indices[k] = source[k];
        }
        v = graph.addOne(OnnxNode.op("Gather").inputs(v, graph.int64s(false, indices)).attr("axis", (long) axis));
      }
      if (!sequence) {
        v = graph.addOne(OnnxNode.op("Unsqueeze").inputs(v, graph.int64s(false, 0)));
      }
      return v;
    }

    private static boolean isIdentity(int[] rows, int n) {
      if (rows.length != n) {
        return false;
      }
      for (int k = 0; k < n; k++) {
        if (rows[k] != k) {
          return false;
        }
      }
      return true;
    }

    /** Zeros of {@code rows} rows for B or P (the only inputs with zero rows): [dirs, rows] or [rows]. */
    private String zeros(int rows) throws ConversionException {
      long[] shape = sequence ? new long[] {directions, rows} : new long[] {rows};
      return graph.constant(ElementType.F32, shape, new double[(sequence ? directions : 1) * rows]);
    }

    private String constant(ConstantData data, int[] rows) throws ConversionException {
      long[] shape = data.shape();
      int axis = sequence ? 1 : 0;
      int dirs = sequence ? (int) shape[0] : 1;
      int n = (int) shape[axis];
      if (sequence && data.elementType() == ElementType.F32 && isIdentity(rows, n)) {
        return graph.initializer(graph.fresh(node.name() + "/weights"), data); // as it is, no copy
      }
      int inner = 1;
      for (int i = axis + 1; i < shape.length; i++) {
        inner *= (int) shape[i];
      }
      double[] in = TensorBytes.decode(data.elementType(), data.bytes(), (int) data.elementCount());
      double[] out = new double[dirs * rows.length * inner];
      for (int d = 0; d < dirs; d++) {
        for (int k = 0; k < rows.length; k++) {
          if (rows[k] >= 0) {
            System.arraycopy(in, (d * n + rows[k]) * inner, out, (d * rows.length + k) * inner, inner);
          }
        }
      }
      long[] outShape = new long[shape.length + (sequence ? 0 : 1)];
      outShape[0] = dirs;
      outShape[1] = rows.length;
      for (int i = axis + 1; i < shape.length; i++) {
        outShape[i + (sequence ? 0 : 1)] = shape[i];
      }
      return graph.constant(ElementType.F32, outShape, out);
    }
  }
}
