package org.ov2onnx.convert.ops.quantization;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * FakeQuantize-1 keeps its quantization:
 *
 * <ul>
 *   <li>on a constant (a weight): folded into a quantized int8/uint8 initializer (the integer levels
 *       computed exactly as OpenVINO does) followed by DequantizeLinear;
 *   <li>on activations: QuantizeLinear (input range) → DequantizeLinear (output range), per tensor or
 *       per channel, 8-bit (16-bit at opset 21), with a Clip first when it has fewer levels than the
 *       integer type;
 *   <li>otherwise (ranges computed at run time, a range without zero on the integer grid, ranges
 *       varying along two axes, more levels than the target opset's types): an exact float
 *       decomposition (clamp, round, scale).
 * </ul>
 */
@ConvertsOp(
    type = "FakeQuantize",
    versions = 1,
    notes = "weights: quantized int8/uint8 initializer + DequantizeLinear; activations: QuantizeLinear → "
        + "DequantizeLinear (per tensor or per channel; 8-bit, 16-bit at opset 21; Clip first when levels < 2^bits); "
        + "otherwise an exact float decomposition (Where, Round); auto_broadcast pdpd is refused")
public final class FakeQuantizeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String broadcast = node.stringAttr("auto_broadcast");
    if (!broadcast.equals("numpy") && !broadcast.equals("none")) {
      throw node.error("auto_broadcast '" + broadcast + "' is not supported");
    }
    if (node.intAttr("levels") < 2) {
      throw node.error("has " + node.intAttr("levels") + " levels; at least 2 are needed");
    }
    PartialShape shape = node.inputShape(0);
    if (!shape.isRankDynamic() && !graph.dequantize()) {
      Optional<QuantRanges> ranges = QuantRanges.of(node, shape.rank());
      java.util.Optional<org.ov2onnx.openvino.ConstantData> weight =
          ranges.isPresent() && shape.isStatic() ? node.constantInput(0) : java.util.Optional.empty();
      if (weight.isPresent() && WeightFolding.fold(node, graph, ranges.get(), weight.get())) {
        return;
      }
      if (ranges.isPresent() && quantizeDequantize(node, graph, ranges.get(), shape.rank())) {
        return;
      }
    }
    if (!graph.dequantize()) {
      graph.metadata("ov2onnx.note.fakequantize", "FakeQuantize that QuantizeLinear/DequantizeLinear cannot hold exactly "
          + "(ranges computed at run time or varying along two axes, zero off the integer grid, more levels than the "
          + "opset's integer types, unknown rank) is an exact float decomposition, no longer quantized: e.g. '"
          + node.name() + "'");
    }
    decompose(node, graph);
  }

  /** Q → DQ when both ranges sit on an integer grid that holds zero; false when they do not. */
  private static boolean quantizeDequantize(NodeView node, GraphBuilder graph, QuantRanges r, int rank)
      throws ConversionException {
    long levels = r.levels();
    ElementType storage = levels <= 256 ? ElementType.U8 : ElementType.U16;
    long max = storage == ElementType.U8 ? 255 : 65535;
    if (levels > 65536 || (storage == ElementType.U16 && graph.opset() < 21)) {
      return false;
    }
    int c = r.channels();
    double[] inScale = new double[c];
    double[] outScale = new double[c];
    double[] inZero = new double[c];
    double[] outZero = new double[c];
    for (int k = 0; k < c; k++) {
      inScale[k] = r.step(r.inLow()[k], r.inHigh()[k]);
      outScale[k] = r.step(r.outLow()[k], r.outHigh()[k]);
      Optional<Long> kIn = QuantRanges.integralOffset(r.inLow()[k], inScale[k]);
      Optional<Long> kOut = QuantRanges.integralOffset(r.outLow()[k], outScale[k]);
      if (kIn.isEmpty() || kOut.isEmpty() || kIn.get() < 0 || kIn.get() > max || kOut.get() < 0 || kOut.get() > max) {
        return false;
      }
      inZero[k] = kIn.get();
      outZero[k] = kOut.get();
    }
    ElementType type = node.inputType(0);
    String x = type == ElementType.F32 ? node.input(0) : graph.cast(node.input(0), ElementType.F32);
    if (levels - 1 < max) {
      x = clip(node, graph, r, x, rank);
    }
    long[] vector = c == 1 ? new long[0] : new long[] {c};
    OnnxNode q = OnnxNode.op("QuantizeLinear").inputs(x, graph.constant(ElementType.F32, vector, inScale),
        graph.constant(storage, vector, inZero));
    OnnxNode dq = OnnxNode.op("DequantizeLinear");
    if (r.axis() >= 0) {
      q.attr("axis", (long) r.axis());
      dq.attr("axis", (long) r.axis());
    }
    String quantized = graph.addOne(q);
    dq.inputs(quantized, graph.constant(ElementType.F32, vector, outScale), graph.constant(storage, vector, outZero));
    emitAsOutput(node, graph, dq);
    return true;
  }

  /** Adds {@code dq} (which gives f32) so that it produces the node's output, cast to its type. */
  static void emitAsOutput(NodeView node, GraphBuilder graph, OnnxNode dq) throws ConversionException {
    if (node.outputType(0) == ElementType.F32) {
      graph.add(dq.outputs(node.output(0)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(dq)).outputs(node.output(0))
          .attr("to", (long) graph.onnxType(node.outputType(0))));
    }
  }

  /** Clamps to the input range, so that fewer levels than the integer type holds saturate right. */
  private static String clip(NodeView node, GraphBuilder graph, QuantRanges r, String x, int rank)
      throws ConversionException {
    int c = r.channels();
    double[] lo = new double[c];
    double[] hi = new double[c];
    for (int k = 0; k < c; k++) {
      lo[k] = Math.min(r.inLow()[k], r.inHigh()[k]);
      hi[k] = Math.max(r.inLow()[k], r.inHigh()[k]);
    }
    if (c == 1) {
      return graph.addOne(OnnxNode.op("Clip").inputs(x, graph.scalar(ElementType.F32, lo[0]), graph.scalar(ElementType.F32, hi[0])));
    }
    long[] shape = new long[rank];
    java.util.Arrays.fill(shape, 1);
    shape[r.axis()] = c;
    String low = graph.constant(ElementType.F32, shape, lo);
    String high = graph.constant(ElementType.F32, shape, hi);
    return graph.addOne(OnnxNode.op("Max").inputs(graph.addOne(OnnxNode.op("Min").inputs(x, high)), low));
  }

  /** OpenVINO's formula, in the data's float type: exact up to float rounding. */
  static void decompose(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType type = node.outputType(0);
    String x = node.input(0);
    String inLow = node.input(1);
    String inHigh = node.input(2);
    String outLow = node.input(3);
    String outHigh = node.input(4);
    String steps = graph.scalar(type, node.intAttr("levels") - 1);
    String lo = graph.addOne(OnnxNode.op("Min").inputs(inLow, inHigh));
    String hi = graph.addOne(OnnxNode.op("Max").inputs(inLow, inHigh));
    String ratio = graph.addOne(OnnxNode.op("Div").inputs(
        graph.addOne(OnnxNode.op("Sub").inputs(x, inLow)), graph.addOne(OnnxNode.op("Sub").inputs(inHigh, inLow))));
    String level = graph.addOne(OnnxNode.op("Round").inputs(graph.addOne(OnnxNode.op("Mul").inputs(ratio, steps))));
    String mid = graph.addOne(OnnxNode.op("Add").inputs(graph.addOne(OnnxNode.op("Mul").inputs(
        graph.addOne(OnnxNode.op("Div").inputs(level, steps)),
        graph.addOne(OnnxNode.op("Sub").inputs(outHigh, outLow)))), outLow));
    String above = graph.addOne(OnnxNode.op("Where").inputs(
        graph.addOne(OnnxNode.op("Greater").inputs(x, hi)), outHigh, mid));
    graph.add(OnnxNode.op("Where").inputs(graph.addOne(OnnxNode.op("LessOrEqual").inputs(x, lo)), outLow, above)
        .outputs(node.output(0)));
  }

  /** Little-endian direct bytes of {@code n} values of 1 byte each. */
  static ByteBuffer bytes(int n) {
    return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
