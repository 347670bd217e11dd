package org.ov2onnx.convert.rewrite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * A MatMul whose second operand is a grouped 4-bit compressed weight becomes ONNX Runtime's {@code
 * com.microsoft} MatMulNBits: B packed [N, blocks, block_size / 2] (low nibble first), one scale per
 * (n, block), 4-bit zero points packed per row (8 when absent, so signed weights are stored + 8).
 *
 * <p>An 8-bit weight with one scale per output channel (NNCF's int8, e.g. an LLM's lm_head) becomes
 * MatMulNBits with {@code bits} 8: B [N, blocks, block_size] bytes (signed weights stored + 128),
 * one zero point byte per (n, block), and each channel's scale repeated over its blocks; the block
 * size is the largest power of two up to 128 that divides K (at least 16).
 */
final class MatMulNBits {
  private MatMulNBits() {}

  /** Where N, the blocks and the block elements sit in the stored weight. */
  record Layout(int n, int k, long blocks, long blockSize, boolean nFirst) {}

  /**
   * The layout of a grouped weight for {@code transpose_b}: stored [N, G, g] with scales [N, G, 1]
   * (transposed MatMul), or [G, g, N] with scales [G, 1, N]; null otherwise.
   */
  static Layout layout(CompressedWeight w, boolean transposeB) {
    long[] s = w.storedShape();
    long[] sc = w.scaleShape();
    if (!w.fourBit()) {
      return perChannel(w, transposeB);
    }
    if (s.length != 3 || sc.length != 3 || w.outShape().length != 2) {
      return null;
    }
    Layout layout;
    if (transposeB && sc[0] == s[0] && sc[1] == s[1] && sc[2] == 1) {
      layout = new Layout(0, 1, s[1], s[2], true);
    } else if (!transposeB && sc[0] == s[0] && sc[1] == 1 && sc[2] == s[2]) {
      layout = new Layout(2, 0, s[0], s[1], false);
    } else {
      return null;
    }
    long g = layout.blockSize();
    boolean powerOfTwo = g >= 16 && (g & (g - 1)) == 0;
    return powerOfTwo ? layout : null;
  }

  /** The layout of a 2-D 8-bit weight with per-output-channel (or per-tensor) scales, in blocks; null if none fits. */
  private static Layout perChannel(CompressedWeight w, boolean transposeB) {
    long[] s = w.storedShape();
    if (s.length != 2 || w.outShape().length != 2) {
      return null;
    }
    int n = transposeB ? 0 : 1;
    int axis = w.scaleAxis();
    if (axis != -1 && axis != n) {
      return null;
    }
    long k = s[1 - n];
    long g = 128;
    while (g >= 16 && k % g != 0) {
      g /= 2;
    }
    return g >= 16 ? new Layout(n, 1 - n, k / g, g, transposeB) : null;
  }

  static void emit(SourceGraph graph, CompressedWeight w, NodeView matmul, GraphBuilder out) throws ConversionException {
    Layout l = layout(w, matmul.boolAttr("transpose_b"));
    long[] s = w.storedShape();
    long n = s[l.n()];
    long blocks = l.blocks();
    long g = l.blockSize();
    long k = blocks * g;
    ConstantData data = graph.node(w.weight()).constantData();
    ByteBuffer in = data.bytes();
    boolean four = w.fourBit();
    int bits = four ? 4 : 8;
    boolean signed = w.storage() == ElementType.I4 || w.storage() == ElementType.I8;
    int offset = signed ? 1 << (bits - 1) : 0;
    ByteBuffer packed = ByteBuffer.allocateDirect(Math.toIntExact(n * k * bits / 8)).order(ByteOrder.LITTLE_ENDIAN);
    for (long row = 0; row < n; row++) {
      for (long b = 0; b < blocks; b++) {
        for (long e = 0; e < g; e++) {
          long source = l.nFirst() ? (row * blocks + b) * g + e : (b * g + e) * n + row;
          long target = (row * blocks + b) * g + e;
          if (!four) {
            packed.put((int) target, (byte) (in.get((int) source) + offset));
            continue;
          }
          int v = CompressedWeight.nibble(in, source, signed) + offset;
          int at = (int) (target >> 1);
          packed.put(at, (byte) (packed.get(at) | ((target & 1) == 0 ? v : v << 4)));
        }
      }
    }
    ElementType type = matmul.inputType(0);
    double[] scales = new double[Math.toIntExact(n * blocks)];
    double[] zeros = new double[scales.length];
    for (long row = 0; row < n; row++) {
      for (long b = 0; b < blocks; b++) {
        int source = (int) (!four ? row : l.nFirst() ? row * blocks + b : b * n + row);
        scales[(int) (row * blocks + b)] = w.scale()[w.scale().length == 1 ? 0 : source];
        double zp = w.zeroPoint().length == 1 ? w.zeroPoint()[0] : w.zeroPoint()[source];
        zeros[(int) (row * blocks + b)] = zp + offset;
      }
    }
    long perRow = four ? (blocks + 1) / 2 : blocks;
    ByteBuffer zp = ByteBuffer.allocateDirect(Math.toIntExact(n * perRow)).order(ByteOrder.LITTLE_ENDIAN);
    for (long row = 0; row < n; row++) {
      for (long b = 0; b < blocks; b++) {
        int v = (int) zeros[(int) (row * blocks + b)];
        if (!four) {
          zp.put((int) (row * perRow + b), (byte) v);
          continue;
        }
        int at = (int) (row * perRow + b / 2);
        zp.put(at, (byte) (zp.get(at) | (b % 2 == 0 ? v & 0xF : (v & 0xF) << 4)));
      }
    }
    String bName = out.initializer(out.fresh(matmul.output(0) + "/B"), ElementType.U8, new long[] {n, blocks, g * bits / 8}, packed);
    String zName = out.initializer(out.fresh(matmul.output(0) + "/zero_points"), ElementType.U8, new long[] {n * perRow}, zp);
    out.useDomain("com.microsoft", 1);
    out.add(OnnxNode.op("MatMulNBits").domain("com.microsoft")
        .inputs(matmul.input(0), bName, out.constant(type, new long[] {n * blocks}, scales), zName)
        .outputs(matmul.output(0))
        .attr("K", k).attr("N", n).attr("bits", (long) bits).attr("block_size", g));
  }
}
