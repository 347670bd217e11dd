package org.ov2onnx.convert.ops.quantization;

import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.openvino.ConstantData;

/**
 * The four ranges of a FakeQuantize (input low/high, output low/high) when they are constants
 * varying along at most one axis of the data: per-tensor ({@code axis} = -1, one value each) or
 * per-channel (one value per index of {@code axis}).
 */
record QuantRanges(int axis, double[] inLow, double[] inHigh, double[] outLow, double[] outHigh, long levels) {

  int channels() {
    return inLow.length;
  }

  /** The ranges of {@code node} against data of rank {@code rank}, or empty if not constant or not per-axis. */
  static Optional<QuantRanges> of(NodeView node, int rank) throws ConversionException {
    long[][] shapes = new long[4][];
    double[][] values = new double[4][];
    for (int i = 0; i < 4; i++) {
      Optional<ConstantData> c = node.constantInput(i + 1);
      if (c.isEmpty()) {
        return Optional.empty();
      }
      shapes[i] = c.get().shape();
      values[i] = node.constantDoubles(i + 1);
      if (shapes[i].length > rank) {
        return Optional.empty();
      }
    }
    int axis = -1;
    long channels = 1;
    for (long[] shape : shapes) {
      for (int d = 0; d < shape.length; d++) {
        if (shape[d] == 1) {
          continue;
        }
        int a = rank - shape.length + d;
        if (axis >= 0 && (a != axis || shape[d] != channels)) {
          return Optional.empty(); // ranges that vary along two axes, or disagree on the length
        }
        axis = a;
        channels = shape[d];
      }
    }
    double[][] expanded = new double[4][(int) channels];
    for (int i = 0; i < 4; i++) {
      for (int c = 0; c < channels; c++) {
        expanded[i][c] = values[i].length == 1 ? values[i][0] : values[i][c];
      }
    }
    return Optional.of(new QuantRanges(
        axis, expanded[0], expanded[1], expanded[2], expanded[3], node.intAttr("levels")));
  }

  /** The step of a range, as float arithmetic gives it. */
  double step(double low, double high) {
    return (float) ((float) high - (float) low) / (float) (levels - 1);
  }

  /** -low / step when that is an integer (within float rounding), else empty. */
  static Optional<Long> integralOffset(double low, double step) {
    if (!(step > 0) || !Double.isFinite(step)) {
      return Optional.empty();
    }
    double k = -low / step;
    long r = Math.round(k);
    return Math.abs(k - r) <= 1e-3 ? Optional.of(r) : Optional.empty();
  }
}
