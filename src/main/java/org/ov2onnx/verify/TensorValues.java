package org.ov2onnx.verify;

import java.nio.ByteBuffer;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.Tensor;

/** Numeric tensor data as doubles, for comparison. */
public final class TensorValues {
  private TensorValues() {}

  public static double[] of(Tensor t) {
    ByteBuffer b = t.data();
    double[] v = new double[Math.toIntExact(t.elementCount())];
    for (int i = 0; i < v.length; i++) {
      v[i] = switch (t.elementType()) {
        case F32 -> b.getFloat();
        case F64 -> b.getDouble();
        case F16 -> TensorBytes.fromF16(b.getShort());
        case BF16 -> Float.intBitsToFloat(b.getShort() << 16);
        case I8 -> b.get();
        case U8, BOOLEAN -> Byte.toUnsignedInt(b.get());
        case I16 -> b.getShort();
        case U16 -> Short.toUnsignedInt(b.getShort());
        case I32 -> b.getInt();
        case U32 -> Integer.toUnsignedLong(b.getInt());
        case I64 -> b.getLong();
        case U64 -> {
          long x = b.getLong();
          yield x >= 0 ? x : x + 0x1p64;
        }
        default -> throw new IllegalArgumentException("cannot compare values of type " + t.elementType());
      };
    }
    return v;
  }
}
