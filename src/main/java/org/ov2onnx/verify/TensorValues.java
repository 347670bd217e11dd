package org.ov2onnx.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/**
 * Numeric tensor data as doubles, for comparison, and back. Besides what {@link TensorBytes}
 * knows, this reads and writes the types ONNX Runtime's Java API lacks: f8e4m3 (ONNX's
 * FLOAT8E4M3FN), f8e5m2, and the packed 4-bit integers i4/u4 (low nibble first).
 */
public final class TensorValues {
  private TensorValues() {}

  public static double[] of(Tensor t) {
    return decode(t.elementType(), t.data(), Math.toIntExact(t.elementCount()));
  }

  /** {@code count} values of {@code type} from little-endian {@code bytes}. */
  public static double[] decode(ElementType type, ByteBuffer bytes, int count) {
    return switch (type) {
      case F8E4M3, F8E5M2 -> {
        double[] v = new double[count];
        ByteBuffer in = bytes.duplicate();
        for (int i = 0; i < count; i++) {
          v[i] = fromF8(type, in.get() & 0xff);
        }
        yield v;
      }
      case I4, U4 -> {
        double[] v = new double[count];
        ByteBuffer in = bytes.duplicate();
        int base = in.position();
        for (int i = 0; i < count; i++) {
          int nibble = (in.get(base + i / 2) >> (4 * (i % 2))) & 0xf;
          v[i] = type == ElementType.I4 && nibble >= 8 ? nibble - 16 : nibble;
        }
        yield v;
      }
      default -> TensorBytes.decode(type, bytes, count);
    };
  }

  /**
   * {@code values} as a little-endian direct buffer of {@code type}. For f8, i4 and u4 the values
   * must be exactly representable (they are when they were read from that type).
   */
  public static ByteBuffer encode(ElementType type, double[] values) {
    ByteBuffer b;
    switch (type) {
      case F8E4M3, F8E5M2 -> {
        b = ByteBuffer.allocate(values.length);
        for (double v : values) {
          b.put((byte) toF8(type, v));
        }
        b.flip();
      }
      case I4, U4 -> {
        b = ByteBuffer.allocate((values.length + 1) / 2);
        for (int i = 0; i < values.length; i++) {
          int nibble = (int) values[i] & 0xf;
          b.put(i / 2, (byte) (b.get(i / 2) | nibble << (4 * (i % 2))));
        }
      }
      default -> b = TensorBytes.encode(type, values);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(b.duplicate()).flip();
    return direct;
  }

  /**
   * The value of f8 bits: e4m3 (bias 7, no infinities, S.1111.111 is NaN) or e5m2 (bias 15,
   * IEEE-like infinities and NaNs).
   */
  static double fromF8(ElementType type, int bits) {
    boolean e4m3 = type == ElementType.F8E4M3;
    int mantBits = e4m3 ? 3 : 2;
    int expBits = e4m3 ? 4 : 5;
    int bias = e4m3 ? 7 : 15;
    int sign = bits >> 7;
    int exp = (bits >> mantBits) & ((1 << expBits) - 1);
    int mant = bits & ((1 << mantBits) - 1);
    double v;
    if (e4m3 && exp == 15 && mant == 7) {
      return Double.NaN;
    } else if (!e4m3 && exp == 31) {
      v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (exp == 0) {
      v = Math.scalb((double) mant, 1 - bias - mantBits);
    } else {
      v = Math.scalb((double) ((1 << mantBits) | mant), exp - bias - mantBits);
    }
    return sign == 1 ? -v : v;
  }

  private static final java.util.Map<ElementType, java.util.Map<Double, Integer>> F8_CODES = new java.util.EnumMap<>(ElementType.class);

  static {
    for (ElementType t : new ElementType[] {ElementType.F8E4M3, ElementType.F8E5M2}) {
      java.util.Map<Double, Integer> codes = new java.util.HashMap<>();
      for (int bits = 255; bits >= 0; bits--) {
        codes.put(fromF8(t, bits), bits); // Double keys tell -0.0 from 0.0
      }
      F8_CODES.put(t, codes);
    }
  }

  /** The f8 value nearest to {@code v} (ties to the first found), for random inputs. */
  static double nearestF8(ElementType type, double v) {
    double best = 0;
    for (double d : F8_CODES.get(type).keySet()) {
      if (Double.isFinite(d) && Math.abs(d - v) < Math.abs(best - v)) {
        best = d;
      }
    }
    return best;
  }

  /** The f8 bits of a value that f8 represents exactly (NaN: the canonical NaN). */
  static int toF8(ElementType type, double v) {
    if (Double.isNaN(v)) {
      return 0x7f;
    }
    Integer bits = F8_CODES.get(type).get(v);
    if (bits == null) {
      throw new IllegalArgumentException(v + " is not a " + type + " value");
    }
    return bits;
  }
}
