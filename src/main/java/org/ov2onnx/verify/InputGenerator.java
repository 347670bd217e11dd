package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/**
 * Seeded random inputs that respect the element type: floats from N(0,1) or uniform in a given
 * range, integers uniform in a given range (default 0..9, valid as indices and counts for most
 * models), booleans fair coin flips, strings short tokens.
 */
public final class InputGenerator {
  private final Random random;

  public InputGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A tensor of {@code type} and {@code shape}; {@code range} (lo, hi) or null for the default. */
  public Tensor generate(ElementType type, long[] shape, double[] range) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    if (type == ElementType.STRING) {
      List<String> s = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        s.add("t" + random.nextInt(1000));
      }
      return Tensor.ofStrings(shape, s);
    }
    double[] v = new double[Math.toIntExact(n)];
    boolean f8 = type == ElementType.F8E4M3 || type == ElementType.F8E5M2;
    boolean floating = f8 || type == ElementType.F32 || type == ElementType.F64 || type == ElementType.F16 || type == ElementType.BF16;
    for (int i = 0; i < v.length; i++) {
      if (type == ElementType.BOOLEAN) {
        v[i] = random.nextBoolean() ? 1 : 0;
      } else if (floating) {
        v[i] = range == null ? random.nextGaussian() : range[0] + random.nextDouble() * (range[1] - range[0]);
        if (f8) {
          v[i] = TensorValues.nearestF8(type, v[i]);
        }
      } else {
        long lo = range == null ? 0 : (long) Math.ceil(range[0]);
        long hi = range == null ? (type == ElementType.I4 ? 7 : 9) : (long) Math.floor(range[1]);
        v[i] = lo + (long) Math.floor(random.nextDouble() * (hi - lo + 1));
      }
    }
    return Tensor.of(type, shape, TensorValues.encode(type, v));
  }
}
