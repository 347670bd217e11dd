package org.ov2onnx.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ov2onnx.openvino.ElementType;

/** Encodes numbers as little-endian tensor data of an element type (for small constants). */
public final class TensorBytes {
  private TensorBytes() {}

  public static ByteBuffer encode(ElementType type, double[] values) {
    int bits = type.bits();
    if (bits < 8 || type == ElementType.STRING) {
      throw new IllegalArgumentException("cannot encode values of type " + type);
    }
    ByteBuffer b = ByteBuffer.allocate(values.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      switch (type) {
        case F32 -> b.putFloat((float) v);
        case F64 -> b.putDouble(v);
        case F16 -> b.putShort(toF16((float) v));
        case BF16 -> b.putShort(toBf16((float) v));
        case I8, U8 -> b.put((byte) (long) v);
        case BOOLEAN -> b.put((byte) (v != 0 ? 1 : 0));
        case I16, U16 -> b.putShort((short) (long) v);
        case I32, U32 -> b.putInt((int) (long) v);
        case I64 -> b.putLong((long) v);
        case U64 -> b.putLong(v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v);
        default -> throw new IllegalArgumentException("cannot encode values of type " + type);
      }
    }
    b.flip();
    return b;
  }

  /** {@code count} little-endian values of {@code type} from {@code b}, as doubles. */
  public static double[] decode(ElementType type, ByteBuffer b, int count) {
    ByteBuffer in = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = switch (type) {
        case F32 -> in.getFloat();
        case F64 -> in.getDouble();
        case F16 -> fromF16(in.getShort());
        case BF16 -> Float.intBitsToFloat(in.getShort() << 16);
        case I8 -> in.get();
        case U8, BOOLEAN -> Byte.toUnsignedInt(in.get());
        case I16 -> in.getShort();
        case U16 -> Short.toUnsignedInt(in.getShort());
        case I32 -> in.getInt();
        case U32 -> Integer.toUnsignedLong(in.getInt());
        case I64 -> in.getLong();
        case U64 -> {
          long x = in.getLong();
          yield x >= 0 ? x : x + 0x1p64;
        }
        default -> throw new IllegalArgumentException("cannot decode values of type " + type);
      };
    }
    return v;
  }

  /** Round-to-nearest-even conversion of a float to IEEE half precision bits. */
  public static short toF16(float value) {
    int f = Float.floatToRawIntBits(value);
    int sign = (f >>> 16) & 0x8000;
    int exp = (f >>> 23) & 0xff;
    int mant = f & 0x7fffff;
    if (exp == 0xff) {
      return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
    }
    int e = exp - 127 + 15;
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (e <= 0) {
      if (e < -10) {
        return (short) sign;
      }
      mant |= 0x800000;
      int shift = 14 - e;
      int half = mant >>> shift;
      int rest = mant & ((1 << shift) - 1);
      int halfway = 1 << (shift - 1);
      if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (e << 10) | (mant >>> 13);
    int rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
      half++;
    }
    return (short) (sign | half);
  }

  /** Half precision bits to float. */
  public static float fromF16(short bits) {
    int h = bits & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0) {
      if (mant == 0) {
        return Float.intBitsToFloat(sign);
      }
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  /** Round-to-nearest-even conversion of a float to bfloat16 bits. */
  public static short toBf16(float value) {
    int f = Float.floatToRawIntBits(value);
    if ((f & 0x7fffffff) > 0x7f800000) {
      return (short) ((f >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((f >>> 16) & 1);
    return (short) ((f + rounding) >>> 16);
  }
}
