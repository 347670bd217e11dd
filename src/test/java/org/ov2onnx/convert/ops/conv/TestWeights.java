package org.ov2onnx.convert.ops.conv;

import java.util.Random;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** Seeded random f32 weight constants for the conv tests. */
final class TestWeights {
  private TestWeights() {}

  static String of(IrBuilder ir, String name, long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    Random random = new Random(name.hashCode());
    double[] values = new double[(int) n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    return ir.constant(name, ElementType.F32, shape, values);
  }

  /** "1,2,3" from {1, 2, 3}. */
  static String csv(long... values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(values[i]);
    }
    return s.toString();
  }
}
