package org.ov2onnx.convert.ops.quantization;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * A FakeQuantize on a constant becomes a quantized initializer and a DequantizeLinear: the integer
 * level of every weight is computed as OpenVINO computes it (in float: nearbyint((w − il) / (ih −
 * il) · (levels − 1)), clamped), then stored as int8 with zero point 0 when the output range is
 * symmetric enough, else as uint8 with the output range's zero point.
 */
final class WeightFolding {
  private WeightFolding() {}

  /** Folds the node's weight; false if its output range is not on an integer grid (the caller decomposes). */
  static boolean fold(NodeView node, GraphBuilder graph, QuantRanges r, org.ov2onnx.openvino.ConstantData weight)
      throws ConversionException {
    long levels = r.levels();
    if (levels > 256) {
      return false;
    }
    int c = r.channels();
    double[] scale = new double[c];
    long[] offset = new long[c];
    for (int k = 0; k < c; k++) {
      scale[k] = r.step(r.outLow()[k], r.outHigh()[k]);
      Optional<Long> kOut = QuantRanges.integralOffset(r.outLow()[k], scale[k]);
      if (kOut.isEmpty()) {
        return false;
      }
      offset[k] = kOut.get();
    }
    boolean signed = true;
    boolean unsigned = true;
    for (int k = 0; k < c; k++) {
      signed &= -offset[k] >= -128 && levels - 1 - offset[k] <= 127;
      unsigned &= offset[k] >= 0 && offset[k] <= 255;
    }
    if (!signed && !unsigned) {
      return false;
    }
    long[] shape = node.inputShape(0).toStatic();
    // the weight as read once by the caller (a Convert chain is evaluated by OpenVINO only once)
    double[] w;
    try {
      w = org.ov2onnx.onnx.TensorBytes.decode(weight.elementType(), weight.bytes(), Math.toIntExact(weight.elementCount()));
    } catch (IllegalArgumentException e) {
      return false; // not a numeric type this folding reads: the caller decomposes
    }
    long inner = 1;
    for (int d = r.axis() + 1; d < shape.length && r.axis() >= 0; d++) {
      inner *= shape[d];
    }
    ByteBuffer q = FakeQuantizeConverter.bytes(w.length);
    for (int i = 0; i < w.length; i++) {
      int k = r.axis() < 0 ? 0 : (int) ((i / inner) % c);
      long level = level((float) w[i], r.inLow()[k], r.inHigh()[k], levels);
      q.put(i, (byte) (signed ? level - offset[k] : level));
    }
    long[] vector = c == 1 ? new long[0] : new long[] {c};
    double[] zeros = new double[c];
    for (int k = 0; k < c; k++) {
      zeros[k] = signed ? 0 : offset[k];
    }
    ElementType storage = signed ? ElementType.I8 : ElementType.U8;
    String weights = graph.initializer(graph.fresh(node.output(0) + "/quantized"), storage, shape, q);
    OnnxNode dq = OnnxNode.op("DequantizeLinear").inputs(weights, graph.constant(ElementType.F32, vector, scale),
        graph.constant(storage, vector, zeros));
    if (r.axis() >= 0) {
      dq.attr("axis", (long) r.axis());
    }
    FakeQuantizeConverter.emitAsOutput(node, graph, dq);
    return true;
  }

  /** OpenVINO's integer level of {@code x}, in float arithmetic as its reference computes it. */
  static long level(float x, double inLow, double inHigh, long levels) {
    float lo = (float) inLow;
    float hi = (float) inHigh;
    if (x <= Math.min(lo, hi)) {
      return 0; // out_low
    }
    if (x > Math.max(lo, hi)) {
      return levels - 1; // out_high
    }
    return (long) Math.rint((x - lo) / (hi - lo) * (float) (levels - 1));
  }
}
