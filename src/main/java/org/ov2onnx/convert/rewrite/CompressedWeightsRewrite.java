package org.ov2onnx.convert.rewrite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.ConvertOptions.WeightsFormat;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * Compressed weights stay compressed. An integer or float8 Constant (u8, i8, u4, i4, f8e4m3, f8e5m2) → Convert →
 * [Subtract zero point] → Multiply scale → [Reshape] → [Convert] becomes:
 *
 * <ul>
 *   <li>DequantizeLinear over the compressed initializer (the same bytes, not copied), per tensor or
 *       per axis, or blocked with {@code block_size} for grouped scales at opset 21+;
 *   <li>for 4-bit weights feeding a MatMul below opset 21 (or with {@code --weights-format
 *       matmulnbits}): ONNX Runtime's {@code com.microsoft} MatMulNBits, which takes the MatMul too;
 *   <li>for an 8-bit table read by Gather along its rows (a token embedding): Gather of the
 *       compressed rows, then DequantizeLinear of those ({@link CompressedGather});
 *   <li>float initializers (decompressed exactly) with {@code --weights-format float}, {@code
 *       --dequantize}, or where neither form can hold the weight at the target opset;
 *   <li>for 8-bit (u8/i8) weights of a model that no quantization tool marked, or with {@code
 *       --weights-format cast}: the IR's own in-graph form, Cast → [Sub] → Mul over the 8-bit
 *       initializer (only the Convert is taken, as a Cast; the rest is left to the per-node
 *       converters).
 * </ul>
 *
 * <p>Why 8-bit weights follow the model's provenance by default: ONNX Runtime's CPU provider folds
 * constant Cast → Mul chains into float weights when it loads a model, but never folds
 * DequantizeLinear (while its QDQ handling is on, i.e. unless the session sets {@code
 * session.disable_quant_qdq=1}): it dequantizes every weight on every run. That is what a model
 * quantized for int8 kernels wants (NNCF's compression and quantization; activations quantized by
 * FakeQuantize, whose QDQ pairs ONNX Runtime fuses with weight DequantizeLinear). A model whose
 * exporter wrote 8-bit weights with in-graph dequantization (e.g. an ONNX model with Cast → Mul)
 * means float math on smaller files, and its in-graph form runs at float speed.
 */
public final class CompressedWeightsRewrite implements GraphRewrite {
  /** The model rt_info entries by which NNCF marks a model it compressed or quantized. */
  public static final List<String> NNCF_MARKERS = List.of("nncf/weight_compression", "nncf/quantization");

  /** The metadata_props key of the note that says how 8-bit weights were written, and why. */
  public static final String NOTE = "ov2onnx.note.weights_format";

  private final WeightsFormat format;
  private final boolean dequantize;
  private final String marker;
  /** Why the model's 8-bit weights stay DequantizeLinear under auto (null: they take the in-graph form); per top-level graph. */
  private String quantizedBecause;
  private boolean decided;

  /**
   * @param marker the model rt_info entry that marks it as NNCF's (one of {@link #NNCF_MARKERS}),
   *     or null
   */
  public CompressedWeightsRewrite(WeightsFormat format, boolean dequantize, String marker) {
    this.format = format;
    this.dequantize = dequantize;
    this.marker = marker;
  }

  /** The first of {@link #NNCF_MARKERS} that {@code model}'s rt_info holds, or null. */
  public static String nncfMarker(org.ov2onnx.openvino.Model model) throws org.ov2onnx.openvino.OpenVinoException {
    for (String path : NNCF_MARKERS) {
      if (model.hasRtInfo(path)) {
        return path;
      }
    }
    return null;
  }

  @Override
  public String name() {
    return "compressed-weights";
  }

  @Override
  public String description() {
    return "u8/i8/u4/i4/nf4/f8 Constant → Convert → [Subtract] → Multiply → [Reshape] → [Convert]: DequantizeLinear "
        + "(per axis; blocked at opset 21), MatMulNBits for 4-bit MatMul weights below opset 21, or float "
        + "(--weights-format float, --dequantize, and nf4, which ONNX cannot hold); f8 (zero point 0) only as "
        + "DequantizeLinear at opset 19+, else left to the per-node converters; 8-bit weights of a model without "
        + "NNCF's rt_info marker or FakeQuantize (or with --weights-format cast) keep the IR's Cast → [Sub] → Mul, "
        + "which ONNX Runtime folds at load";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    String because = format == WeightsFormat.AUTO ? quantizedBecause(graph) : null;
    for (int i = 0; i < graph.nodeCount(); i++) {
      if (claimed.test(i) || !graph.type(i).equals("Constant")) {
        continue;
      }
      CompressedWeight w = CompressedWeight.find(graph, i, claimed);
      if (w == null || (w.f8() && !f8AsDequantizeLinear(w, opset))) {
        continue; // an f8 weight DequantizeLinear cannot hold is left to the per-node converters
      }
      if (inGraph(w, because)) {
        NodeView convert = graph.node(w.chain()[0]);
        matches.add(new Match(w.chain()[0], new int[] {w.chain()[0]}, out -> emitCast(convert, out)));
        continue;
      }
      int matmul = nBitsMatMul(graph, w, opset);
      int gather = dequantize || format == WeightsFormat.FLOAT ? -1 : CompressedGather.find(graph, w, opset);
      if (gather >= 0 && claimed.test(gather)) {
        gather = -1;
      }
      if (matmul >= 0) {
        NodeView mm = graph.node(matmul);
        matches.add(new Match(matmul, withNode(w, matmul), out -> MatMulNBits.emit(graph, w, mm, out)));
      } else if (gather >= 0) {
        NodeView g = graph.node(gather);
        matches.add(new Match(gather, withNode(w, gather), out -> {
          CompressedGather.emit(graph, w, g, out);
          noteDequantizeLinear(w, because, out);
        }));
      } else {
        matches.add(new Match(w.last(), w.nodes(), out -> emit(graph, w, because, out)));
      }
    }
    return matches;
  }

  /**
   * Whether 8-bit weight {@code w} keeps the IR's in-graph form (see the class comment); {@code
   * because} is why the model is a quantized one, or null.
   */
  private boolean inGraph(CompressedWeight w, String because) {
    if (dequantize || !w.eightBit()) {
      return false;
    }
    return format == WeightsFormat.CAST || (format == WeightsFormat.AUTO && because == null);
  }

  /**
   * Why the model is a quantized one, whose 8-bit weights stay DequantizeLinear under auto: its
   * NNCF marker, or a FakeQuantize in the graph; null if neither. Decided on the model's own graph
   * (sub-graph bodies are matched after it); a body seen first decides for itself.
   */
  private String quantizedBecause(SourceGraph graph) {
    if (decided) {
      return quantizedBecause;
    }
    String because = marker != null ? "the model's rt_info has " + marker + " (NNCF compressed or quantized it)" : null;
    for (int i = 0; because == null && i < graph.nodeCount(); i++) {
      if (graph.type(i).equals("FakeQuantize")) {
        because = "the model quantizes activations (FakeQuantize " + graph.node(i).name() + ")";
      }
    }
    if (graph.isTopLevel()) {
      decided = true;
      quantizedBecause = because;
    }
    return because;
  }

  /** The weight's Convert as a Cast (the rest of the chain is converted node by node), and the note why. */
  private void emitCast(NodeView convert, GraphBuilder out) throws ConversionException {
    out.add(OnnxNode.op("Cast").inputs(convert.input(0)).outputs(convert.output(0))
        .attr("to", (long) out.onnxType(convert.outputType(0))));
    out.metadata(NOTE, format == WeightsFormat.CAST
        ? "8-bit weights as Cast -> [Sub] -> Mul, as asked (--weights-format cast): ONNX Runtime folds them into float "
            + "weights at load"
        : "8-bit weights as Cast -> [Sub] -> Mul, as the IR dequantizes them in-graph: no NNCF rt_info marker and no "
            + "FakeQuantize, so the model means float math on 8-bit storage, and ONNX Runtime folds these into float "
            + "weights at load (--weights-format dq writes DequantizeLinear)");
  }

  private static int[] withNode(CompressedWeight w, int node) {
    int[] nodes = java.util.Arrays.copyOf(w.nodes(), w.nodes().length + 1);
    nodes[nodes.length - 1] = node;
    return nodes;
  }

  /** Whether an f8 weight becomes DequantizeLinear (opset 19+, blocked at 21+, zero point 0, not asked for float). */
  private boolean f8AsDequantizeLinear(CompressedWeight w, int opset) {
    return !dequantize && format != WeightsFormat.FLOAT && w.zeroPointIsZero() && layout(w, opset) != null;
  }

  /** The MatMul that takes this 4-bit weight as MatMulNBits, or -1. */
  private int nBitsMatMul(SourceGraph graph, CompressedWeight w, int opset) throws ConversionException {
    boolean wanted = format == WeightsFormat.MATMULNBITS
        || ((format == WeightsFormat.AUTO || format == WeightsFormat.CAST) && opset < 21);
    if (dequantize || !wanted || !w.fourBit()) {
      return -1;
    }
    List<Integer> consumers = graph.consumers(w.last(), 0);
    if (consumers.size() != 1 || !graph.type(consumers.get(0)).equals("MatMul")) {
      return -1;
    }
    int matmul = consumers.get(0);
    NodeView mm = graph.node(matmul);
    if (graph.source(matmul, 1).node() != w.last() || mm.boolAttr("transpose_a")) {
      return -1;
    }
    return MatMulNBits.layout(w, mm.boolAttr("transpose_b")) != null ? matmul : -1;
  }

  private void emit(SourceGraph graph, CompressedWeight w, String because, GraphBuilder out) throws ConversionException {
    NodeView last = graph.node(w.last());
    if (!dequantize && format != WeightsFormat.FLOAT && !w.nf4() && dequantizeLinear(graph, w, last, out)) {
      noteDequantizeLinear(w, because, out);
      return;
    }
    if (w.nf4() && !dequantize && format != WeightsFormat.FLOAT) {
      out.metadata("ov2onnx.note.nf4", "nf4 weights are decompressed to float: ONNX has no nf4 type");
    }
    decompress(graph, w, last, out);
  }

  /** Says why 8-bit weights became DequantizeLinear: the model's provenance ({@code because}) or the flag. */
  private void noteDequantizeLinear(CompressedWeight w, String because, GraphBuilder out) {
    if (!w.eightBit()) {
      return;
    }
    String why = because != null ? "because " + because
        : "as asked (--weights-format " + format.name().toLowerCase(java.util.Locale.ROOT) + ")";
    out.metadata(NOTE, "8-bit weights as DequantizeLinear, " + why
        + ": ONNX Runtime dequantizes them on every run unless the session sets session.disable_quant_qdq=1 "
        + "(--weights-format cast writes Cast -> [Sub] -> Mul, which it folds at load)");
  }

  /** How DequantizeLinear holds a weight: its axis (-1: per tensor), block size (0: none) and shapes. */
  private record Layout(int axis, long block, long[] shape, long[] scaleShape) {}

  /** The DequantizeLinear layout of {@code w} at {@code opset}, or null if that opset cannot express it so. */
  private static Layout layout(CompressedWeight w, int opset) {
    if ((w.fourBit() && opset < 21) || (w.f8() && opset < 19)) {
      return null;
    }
    int axis = w.scaleAxis();
    long[] shape = w.storedShape();
    boolean grouped = !java.util.Arrays.equals(w.outShape(), w.storedShape());
    if (axis != -2 && !grouped) {
      return new Layout(axis, 0, shape, axis < 0 ? new long[0] : new long[] {shape[axis]});
    }
    // grouped: [a, G, g] with scales [a, G, 1] (or [G, g, b] with [G, 1, b]) → blocked 2-D
    if (opset < 21 || shape.length != 3 || w.outShape().length != 2) {
      return null;
    }
    if (w.scaleShape()[2] == 1 && w.scaleShape()[1] == shape[1]) {
      return new Layout(1, shape[2], w.outShape(), new long[] {shape[0], shape[1]});
    }
    if (w.scaleShape()[1] == 1 && w.scaleShape()[0] == shape[0]) {
      return new Layout(0, shape[1], w.outShape(), new long[] {shape[0], shape[2]});
    }
    return null;
  }

  /** DequantizeLinear over the stored bytes; false if the target opset cannot express this weight so. */
  private static boolean dequantizeLinear(SourceGraph graph, CompressedWeight w, NodeView last, GraphBuilder out)
      throws ConversionException {
    Layout layout = layout(w, out.opset());
    if (layout == null) {
      return false;
    }
    ConstantData data = graph.node(w.weight()).constantData();
    int axis = layout.axis();
    long[] shape = layout.shape();
    long[] scaleShape = layout.scaleShape();
    long block = layout.block();
    String q = out.initializer(out.fresh(last.output(0) + "/compressed"), w.storage(), shape, data.bytes());
    String scale = out.constant(ElementType.F32, scaleShape, w.scale());
    // the zero point is always given: it fixes the quantized type for ONNX Runtime's QDQ passes, which
    // otherwise assume uint8 (an int8 weight without one fails to load at opset 21; an f8e4m3 one
    // where the transpose optimizer moves a Transpose through the DequantizeLinear)
    OnnxNode dq = OnnxNode.op("DequantizeLinear").inputs(q, scale, zeroPoint(w, scaleShape, out));
    if (axis >= 0) {
      dq.attr("axis", (long) axis);
    }
    if (block > 0) {
      dq.attr("block_size", block);
    }
    if (w.outType() == ElementType.F32) {
      out.add(dq.outputs(last.output(0)));
    } else {
      out.add(OnnxNode.op("Cast").inputs(out.addOne(dq)).outputs(last.output(0)).attr("to", (long) out.onnxType(w.outType())));
    }
    return true;
  }

  private static String zeroPoint(CompressedWeight w, long[] shape, GraphBuilder out) throws ConversionException {
    double[] zp = w.zeroPoint().length == 1 && w.scale().length > 1 ? filled(w.scale().length, w.zeroPoint()[0]) : w.zeroPoint();
    if (w.f8()) {
      // 0 (checked when matched): +0.0 is the all-zero byte in both float8 types
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return out.initializer(out.fresh("zero_point"), w.storage(), shape, ByteBuffer.allocateDirect((int) n));
    }
    if (!w.fourBit()) {
      return out.constant(w.storage(), shape, zp);
    }
    ByteBuffer packed = ByteBuffer.allocateDirect((zp.length + 1) / 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < zp.length; i++) {
      int v = ((int) zp[i]) & 0xF;
      packed.put(i / 2, (byte) (packed.get(i / 2) | (i % 2 == 0 ? v : v << 4)));
    }
    return out.initializer(out.fresh("zero_point"), w.storage(), shape, packed);
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** The weight as float values: (q − zero point) · scale, in the output type. */
  private static void decompress(SourceGraph graph, CompressedWeight w, NodeView last, GraphBuilder out)
      throws ConversionException {
    ConstantData data = graph.node(w.weight()).constantData();
    int n = Math.toIntExact(data.elementCount());
    long[] shape = w.storedShape();
    long[] sShape = w.scaleShape();
    ByteBuffer b = data.bytes();
    boolean half = w.outType() == ElementType.F16;
    if (!half && w.outType() != ElementType.F32) {
      throw last.error("decompresses weights to " + w.outType() + "; only f16 and f32 are supported");
    }
    ByteBuffer values = ByteBuffer.allocateDirect(n * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    double[] raw = w.fourBit() || w.nf4() ? null : org.ov2onnx.onnx.TensorBytes.decode(w.storage(), b, n);
    for (int i = 0; i < n; i++) {
      double q = raw != null ? raw[i]
          : w.nf4() ? CompressedWeight.NF4[CompressedWeight.nibble(b, i, false)]
          : CompressedWeight.nibble(b, i, w.storage() == ElementType.I4);
      int s = broadcastIndex(i, shape, sShape);
      double zp = w.zeroPoint().length == 1 ? w.zeroPoint()[0] : w.zeroPoint()[s];
      float v = (float) ((q - zp) * w.scale()[w.scale().length == 1 ? 0 : s]);
      if (half) {
        values.putShort(org.ov2onnx.onnx.TensorBytes.toF16(v));
      } else {
        values.putFloat(v);
      }
    }
    values.flip();
    out.initializer(last.output(0), w.outType(), w.outShape(), values);
  }

  /** The index into a tensor of {@code small} shape (numpy-broadcast) of element {@code i} of {@code full}. */
  static int broadcastIndex(long i, long[] full, long[] small) {
    long index = 0;
    long stride = 1;
    long rest = i;
    int offset = full.length - small.length;
    for (int d = full.length - 1; d >= 0; d--) {
      long coord = rest % full[d];
      rest /= full[d];
      int s = d - offset;
      if (s >= 0) {
        index += (small[s] == 1 ? 0 : coord) * stride;
        stride *= small[s];
      }
    }
    return (int) index;
  }
}
