package org.ov2onnx.convert.ops.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * An integer Convolution (ONNX Conv takes only floats) whose inputs are 8-bit values widened to
 * i32, each with an optional zero point subtracted: {@code Convolution(Convert(x) [- zx],
 * Convert(w) [- zw])}, which is how OpenVINO's ONNX reader writes ConvInteger. It becomes ONNX
 * ConvInteger, exact (ONNX Runtime accumulates in i32 as OpenVINO does). ONNX Runtime implements
 * ConvInteger for u8 only: an i8 side is moved to u8 by adding 128 to values and zero point
 * alike, which leaves every difference {@code x - zx} unchanged. A zero point holds one value (a
 * constant or an 8-bit value of the side's type), or, for constant weight zero points, one per
 * output channel: ONNX Runtime's ConvInteger takes no such one, so it is subtracted afterwards as
 * zw[m] times the window sums of x - zx (a second ConvInteger, with a kernel of ones). The
 * Convert and Subtract nodes are taken over when nothing else reads them.
 */
public final class ConvIntegerRewrite implements GraphRewrite {
  @Override
  public String name() {
    return "conv-integer";
  }

  @Override
  public String description() {
    return "Convolution(i32) of Convert(u8/i8) [- zero point] inputs → ConvInteger (i8 moved to u8 by + 128)";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    for (int c = 0; c < graph.nodeCount(); c++) {
      if (claimed.test(c) || !graph.type(c).equals("Convolution") || graph.node(c).outputType(0) != ElementType.I32) {
        continue;
      }
      NodeView conv = graph.node(c);
      Optional<Side> x = side(graph, c, 0);
      Optional<Side> w = side(graph, c, 1);
      if (x.isEmpty() || w.isEmpty()) {
        continue;
      }
      List<Integer> group = new ArrayList<>(List.of(c));
      x.get().take(graph, group, claimed);
      w.get().take(graph, group, claimed);
      int[] nodes = group.stream().mapToInt(Integer::intValue).toArray();
      Side xs = x.get();
      Side ws = w.get();
      matches.add(new Match(c, nodes, out -> emit(conv, out, xs, ws)));
    }
    return matches;
  }

  private static void emit(NodeView conv, GraphBuilder out, Side xs, Side ws) throws ConversionException {
    String x = xs.values(out);
    String xz = xs.zeroPoint(out);
    if (!ws.perChannel()) {
      OnnxNode op = OnnxNode.op("ConvInteger").inputs(x, ws.values(out));
      String wz = ws.zeroPoint(out);
      if (!xz.isEmpty() || !wz.isEmpty()) {
        op.inputs(xz, wz);
      }
      ForwardConvolution.emit(conv, out, op, 1, 2);
      return;
    }
    // conv(x - zx, w - zw[m]) = conv(x - zx, w) - zw[m] * (the window sums of x - zx), the sums a
    // ConvInteger with a kernel of ones; an i8 w is w + 128 with zw[m] + 128
    long[] kernel = conv.inputShape(1).toStatic();
    int rank = kernel.length;
    long[] onesShape = kernel.clone();
    onesShape[0] = 1;
    double[] ones = new double[Math.toIntExact(java.util.Arrays.stream(onesShape).reduce(1, (a, b) -> a * b))];
    java.util.Arrays.fill(ones, 1);
    String plain = out.fresh(conv.output(0) + "/plain");
    ForwardConvolution.emit(conv, out, OnnxNode.op("ConvInteger").inputs(x, ws.values(out), xz), 1, 2, plain);
    String sums = out.fresh(conv.output(0) + "/window_sums");
    ForwardConvolution.emit(conv, out,
        OnnxNode.op("ConvInteger").inputs(x, out.constant(ElementType.U8, onesShape, ones), xz), 1, 2, sums);
    double[] shifted = ws.constant().clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += ws.type() == ElementType.I8 ? 128 : 0;
    }
    long[] perChannel = new long[rank];
    java.util.Arrays.fill(perChannel, 1);
    perChannel[1] = shifted.length;
    String correction = out.addOne(OnnxNode.op("Mul").inputs(sums, out.constant(ElementType.I32, perChannel, shifted)));
    out.add(OnnxNode.op("Sub").inputs(plain, correction).outputs(conv.output(0)));
  }

  /**
   * Input {@code input} of node {@code c} as an 8-bit side: Convert(v) or Convert(v) - zero point.
   */
  private static Optional<Side> side(SourceGraph graph, int c, int input) throws ConversionException {
    int k = graph.source(c, input).node();
    Integer convert = eightBitConvert(graph, k);
    if (convert != null) {
      return Optional.of(new Side(graph.node(convert), List.of(convert), null, null));
    }
    if (!graph.type(k).equals("Subtract") || graph.source(c, input).port() != 0) {
      return Optional.empty();
    }
    NodeView sub = graph.node(k);
    convert = eightBitConvert(graph, graph.source(k, 0).node());
    if (convert == null || !sub.stringAttr("auto_broadcast").equals("numpy")) {
      return Optional.empty();
    }
    NodeView values = graph.node(convert);
    ElementType type = values.inputType(0);
    Optional<ConstantData> constant = sub.constantInput(1);
    if (constant.isPresent()) {
      double[] zp = sub.constantDoubles(1);
      double[] zeroPoint = constantZeroPoint(zp, type);
      if (zeroPoint == null && input == 1 && perOutputChannel(constant.get().shape(), sub.inputShape(0))
          && constantZeroPoint(new double[] {java.util.Arrays.stream(zp).min().orElse(0)}, type) != null
          && constantZeroPoint(new double[] {java.util.Arrays.stream(zp).max().orElse(0)}, type) != null
          && sub.inputShape(0).isStatic()) {
        zeroPoint = zp; // one per output channel
      }
      return zeroPoint == null ? Optional.empty()
          : Optional.of(new Side(values, List.of(k, convert), zeroPoint, null));
    }
    Integer zpConvert = eightBitConvert(graph, graph.source(k, 1).node());
    if (zpConvert == null || graph.node(zpConvert).inputType(0) != type) {
      return Optional.empty();
    }
    PartialShape shape = sub.inputShape(1);
    if (!shape.isStatic()) {
      return Optional.empty();
    }
    for (long d : shape.toStatic()) {
      if (d != 1) {
        return Optional.empty();
      }
    }
    return Optional.of(new Side(values, List.of(k, convert, zpConvert), null, graph.node(zpConvert)));
  }

  /** Whether a zero point shaped {@code zp} holds one value per output channel of weights shaped {@code weights}. */
  private static boolean perOutputChannel(long[] zp, PartialShape weights) {
    if (weights.isRankDynamic() || zp.length != weights.rank() || !weights.dims().get(0).isStatic()
        || zp[0] != weights.dims().get(0).length()) {
      return false;
    }
    for (int d = 1; d < zp.length; d++) {
      if (zp[d] != 1) {
        return false;
      }
    }
    return true;
  }

  /** The Convert node {@code k} if it widens u8 or i8 to i32 (else null). */
  private static Integer eightBitConvert(SourceGraph graph, int k) {
    if (!graph.type(k).equals("Convert")) {
      return null;
    }
    NodeView n = graph.node(k);
    ElementType from = n.inputType(0);
    return (from == ElementType.U8 || from == ElementType.I8) && n.outputType(0) == ElementType.I32 ? k : null;
  }

  /** A constant zero point as ConvInteger takes it (one value of the 8-bit type), or null. */
  private static double[] constantZeroPoint(double[] zp, ElementType type) {
    double lo = type == ElementType.U8 ? 0 : -128;
    for (double v : zp) {
      if (v != zp[0] || v != Math.rint(v) || v < lo || v > lo + 255) {
        return null;
      }
    }
    return zp.length == 0 ? null : new double[] {zp[0]};
  }

  /**
   * One input of the convolution: the 8-bit values (read by {@code convert}), and a zero point
   * that is absent, constant ({@code constant}, one value) or a one-element value ({@code
   * zpConvert}'s input).
   */
  private record Side(NodeView convert, List<Integer> nodes, double[] constant, NodeView zpConvert) {
    ElementType type() {
      return convert.inputType(0);
    }

    /** Whether the zero point is a constant with one value per output channel. */
    boolean perChannel() {
      return constant != null && constant.length > 1;
    }

    /**
     * Adds to {@code group} the nodes (listed consumers first) whose every reader is in it: their
     * values are needed by nothing else.
     */
    void take(SourceGraph graph, List<Integer> group, IntPredicate claimed) {
      for (int n : nodes) {
        boolean onlyGroup = !claimed.test(n);
        for (int consumer : graph.consumers(n, 0)) {
          onlyGroup &= group.contains(consumer);
        }
        if (onlyGroup) {
          group.add(n);
        }
      }
    }

    String values(GraphBuilder out) throws ConversionException {
      return toU8(out, convert.input(0));
    }

    /** The zero point as ConvInteger takes it (u8), or "" for none (128 for an i8 side). */
    String zeroPoint(GraphBuilder out) throws ConversionException {
      boolean signed = type() == ElementType.I8;
      if (zpConvert != null) {
        String zp = zpConvert.input(0);
        zp = out.addOne(OnnxNode.op("Reshape").inputs(zp, out.int64s(false)));
        return toU8(out, zp);
      }
      if (constant == null) {
        return signed ? out.scalar(ElementType.U8, 128) : "";
      }
      return out.scalar(ElementType.U8, constant[0] + (signed ? 128 : 0));
    }

    /** An i8 value as u8 plus 128 (the same differences); a u8 value as it is. */
    private String toU8(GraphBuilder out, String value) throws ConversionException {
      if (type() == ElementType.U8) {
        return value;
      }
      String wide = out.cast(value, ElementType.I32);
      return out.cast(out.addOne(OnnxNode.op("Add").inputs(wide, out.scalar(ElementType.I32, 128))), ElementType.U8);
    }
  }
}
