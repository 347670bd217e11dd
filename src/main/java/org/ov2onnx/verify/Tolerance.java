package org.ov2onnx.verify;

import org.ov2onnx.openvino.ElementType;

/**
 * Pass when {@code |actual - expected| <= atol + rtol * |expected|} for every element. Integer and
 * boolean outputs must match exactly.
 */
public record Tolerance(double atol, double rtol) {
  public static final Tolerance EXACT = new Tolerance(0, 0);

  /** The default for an element type. */
  public static Tolerance defaultFor(ElementType type) {
    return switch (type) {
      case F32 -> new Tolerance(1e-4, 1e-3);
      case F64 -> new Tolerance(1e-7, 1e-6);
      case F16, BF16 -> new Tolerance(1e-2, 1e-2);
      case F8E4M3, F8E5M2 -> new Tolerance(1e-1, 1e-1);
      default -> EXACT;
    };
  }

  public boolean passes(double expected, double actual) {
    return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  }
}
