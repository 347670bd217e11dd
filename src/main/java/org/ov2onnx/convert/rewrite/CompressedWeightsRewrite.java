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
 *       --dequantize}, or where neither form can hold the weight at the target opset.
 * </ul>
 */
public final class CompressedWeightsRewrite implements GraphRewrite {
  private final WeightsFormat format;
  private final boolean dequantize;

  public CompressedWeightsRewrite(WeightsFormat format, boolean dequantize) {
    this.format = format;
    this.dequantize = dequantize;
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
        + "DequantizeLinear at opset 19+, else left to the per-node converters";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < graph.nodeCount(); i++) {
      if (claimed.test(i) || !graph.type(i).equals("Constant")) {
        continue;
      }
      CompressedWeight w = CompressedWeight.find(graph, i, claimed);
      if (w == null || (w.f8() && !f8AsDequantizeLinear(w, opset))) {
        continue; // an f8 weight DequantizeLinear cannot hold is left to the per-node converters
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
        matches.add(new Match(gather, withNode(w, gather), out -> CompressedGather.emit(graph, w, g, out)));
      } else {
        matches.add(new Match(w.last(), w.nodes(), out -> emit(graph, w, out)));
      }
    }
    return matches;
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
    boolean wanted = format == WeightsFormat.MATMULNBITS || (format == WeightsFormat.AUTO && opset < 21);
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

  private void emit(SourceGraph graph, CompressedWeight w, GraphBuilder out) throws ConversionException {
    NodeView last = graph.node(w.last());
    if (!dequantize && format != WeightsFormat.FLOAT && !w.nf4() && dequantizeLinear(graph, w, last, out)) {
      return;
    }
    if (w.nf4() && !dequantize && format != WeightsFormat.FLOAT) {
      out.metadata("ov2onnx.note.nf4", "nf4 weights are decompressed to float: ONNX has no nf4 type");
    }
    decompress(graph, w, last, out);
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
