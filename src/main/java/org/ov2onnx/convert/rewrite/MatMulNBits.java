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

  static void emit(SourceGraph graph, CompressedWeight w, NodeView matmul, GraphBuilder out) throws ConversionException {
    Layout l = layout(w, matmul.boolAttr("transpose_b"));
    long[] s = w.storedShape();
    long n = s[l.n()];
    long blocks = l.blocks();
    long g = l.blockSize();
    long k = blocks * g;
    ConstantData data = graph.node(w.weight()).constantData();
    ByteBuffer in = data.bytes();
    boolean signed = w.storage() == ElementType.I4;
    ByteBuffer packed = ByteBuffer.allocateDirect(Math.toIntExact(n * k / 2)).order(ByteOrder.LITTLE_ENDIAN);
    for (long row = 0; row < n; row++) {
      for (long b = 0; b < blocks; b++) {
        for (long e = 0; e < g; e++) {
          long source = l.nFirst() ? (row * blocks + b) * g + e : (b * g + e) * n + row;
          int v = CompressedWeight.nibble(in, source, signed) + (signed ? 8 : 0);
          long target = (row * blocks + b) * g + e;
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
        int source = (int) (l.nFirst() ? row * blocks + b : b * n + row);
        scales[(int) (row * blocks + b)] = w.scale()[source];
        double zp = w.zeroPoint().length == 1 ? w.zeroPoint()[0] : w.zeroPoint()[source];
        zeros[(int) (row * blocks + b)] = signed ? zp + 8 : zp;
      }
    }
    long perRow = (blocks + 1) / 2;
    ByteBuffer zp = ByteBuffer.allocateDirect(Math.toIntExact(n * perRow)).order(ByteOrder.LITTLE_ENDIAN);
    for (long row = 0; row < n; row++) {
      for (long b = 0; b < blocks; b++) {
        int v = ((int) zeros[(int) (row * blocks + b)]) & 0xF;
        int at = (int) (row * perRow + b / 2);
        zp.put(at, (byte) (zp.get(at) | (b % 2 == 0 ? v : v << 4)));
      }
    }
    String bName = out.initializer(out.fresh(matmul.output(0) + "/B"), ElementType.U8, new long[] {n, blocks, g / 2}, packed);
    String zName = out.initializer(out.fresh(matmul.output(0) + "/zero_points"), ElementType.U8, new long[] {n * perRow}, zp);
    out.useDomain("com.microsoft", 1);
    out.add(OnnxNode.op("MatMulNBits").domain("com.microsoft")
        .inputs(matmul.input(0), bName, out.constant(type, new long[] {n * blocks}, scales), zName)
        .outputs(matmul.output(0))
        .attr("K", k).attr("N", n).attr("bits", 4L).attr("block_size", g));
  }
}
