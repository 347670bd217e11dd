package org.ov2onnx.verify;

import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.Tensor;

/** Numeric tensor data as doubles, for comparison. */
public final class TensorValues {
  private TensorValues() {}

  public static double[] of(Tensor t) {
    return TensorBytes.decode(t.elementType(), t.data(), Math.toIntExact(t.elementCount()));
  }
}
