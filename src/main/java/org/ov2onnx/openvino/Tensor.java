package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor value: element type, static shape and data. Numeric data is a little-endian byte
 * buffer (direct buffers pass to OpenVINO without a copy); string data is a list of strings.
 */
public final class Tensor {
  private final ElementType type;
  private final long[] shape;
  private final ByteBuffer data;
  private final List<String> strings;

  private Tensor(ElementType type, long[] shape, ByteBuffer data, List<String> strings) {
    this.type = type;
    this.shape = shape.clone();
    this.data = data;
    this.strings = strings;
  }

  /** A tensor over {@code data} (not copied), which must hold exactly the tensor's bytes. */
  public static Tensor of(ElementType type, long[] shape, ByteBuffer data) {
    if (type == ElementType.STRING || type == ElementType.DYNAMIC) {
      throw new IllegalArgumentException("use ofStrings for string tensors; dynamic has no data");
    }
    long expected = type.byteSize(elementCount(shape));
    if (data.remaining() != expected) {
      throw new IllegalArgumentException(
          type + Arrays.toString(shape) + " needs " + expected + " bytes, got " + data.remaining());
    }
    return new Tensor(type, shape, data.slice().order(ByteOrder.LITTLE_ENDIAN), List.of());
  }

  /** A zero-filled tensor in a new direct buffer. */
  public static Tensor allocate(ElementType type, long... shape) {
    long bytes = type.byteSize(elementCount(shape));
    return of(type, shape, ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN));
  }

  public static Tensor ofFloats(long[] shape, float... values) {
    Tensor t = allocate(ElementType.F32, shape);
    t.data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return t;
  }

  public static Tensor ofStrings(long[] shape, List<String> values) {
    if (values.size() != elementCount(shape)) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + elementCount(shape) + " strings, got " + values.size());
    }
    return new Tensor(ElementType.STRING, shape, ByteBuffer.allocate(0), List.copyOf(values));
  }

  static long elementCount(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public ElementType elementType() {
    return type;
  }

  public long[] shape() {
    return shape.clone();
  }

  public long elementCount() {
    return elementCount(shape);
  }

  /** The data (position 0, little-endian); a new view each call, no copy. */
  public ByteBuffer data() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  public FloatBuffer asFloats() {
    if (type != ElementType.F32) {
      throw new IllegalStateException("tensor is " + type + ", not f32");
    }
    return data().asFloatBuffer();
  }

  public List<String> strings() {
    return strings;
  }

  @Override
  public String toString() {
    return "Tensor[" + type + Arrays.toString(shape) + "]";
  }
}
