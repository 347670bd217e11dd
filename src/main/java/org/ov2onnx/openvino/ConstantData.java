package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_const;

/**
 * The data of a Constant node, as OpenVINO holds it: no copy is made. For an IR model the bytes
 * are those of the memory-mapped .bin file.
 *
 * <p>{@link #bytes()} is a read-only direct view; sub-byte types (u1, u4, i4, nf4, ...) are packed
 * as OpenVINO packs them. The view is valid while its model is open. Closing the model releases
 * the weights file (its mapping and handle) at once; a view of data mapped from a file then reads
 * zeros (its pages are replaced by anonymous zero pages, so it never points at freed memory), and
 * its address range is released when the view becomes unreachable. Data OpenVINO holds in memory
 * (computed values, other formats' constants) stays readable until then. String constants are
 * copied into {@link #strings()}.
 */
public final class ConstantData {
  private final ElementType type;
  private final long[] shape;
  private final ByteBuffer bytes;
  private final long address;
  private final List<String> strings;

  private ConstantData(
      ElementType type, long[] shape, ByteBuffer bytes, long address, List<String> strings) {
    this.type = type;
    this.shape = shape;
    this.bytes = bytes;
    this.address = address;
    this.strings = strings;
  }

  /** Most dimensions a constant may have; OpenVINO itself has no limit, no real model comes near. */
  static final int MAX_RANK = 1024;

  private static final ThreadLocal<long[]> LAYOUT = ThreadLocal.withInitial(() -> new long[17]);

  static ConstantData wrap(ovx_const view) throws OpenVinoException {
    boolean owned = true;
    try {
      ElementType type =
          ElementType.fromOvName(Native.string(Shim.ovx_const_element_type(view), "constant type"));
      long[] layout = LAYOUT.get(); // byte size, then the dimensions: one call for most constants
      long rank = Native.count(Shim.ovx_const_layout(view, layout, layout.length), "constant shape");
      if (rank > MAX_RANK) {
        throw malformed(type, "has " + rank + " dimensions (at most " + MAX_RANK + " are accepted)");
      }
      if (rank + 1 > layout.length) {
        layout = new long[(int) rank + 1];
        Native.count(Shim.ovx_const_layout(view, layout, layout.length), "constant shape");
      }
      long[] shape = java.util.Arrays.copyOfRange(layout, 1, 1 + (int) rank);
      long count = elementCount(type, shape);
      if (type == ElementType.STRING) {
        List<String> strings = readStrings(view, type, shape, count);
        return new ConstantData(
            type, shape, ByteBuffer.allocateDirect(0).asReadOnlyBuffer(), 0, strings);
      }
      Pointer data = Shim.ovx_const_data(view);
      long size = Native.count(layout[0], "constant size");
      long need = type.bits() > 0 && count > Long.MAX_VALUE / type.bits() ? -1 : type.byteSize(count);
      // the shim refuses such constants when it opens them; checked again before any memory is read
      if (type.bits() > 0 && (need < 0 || size < need || size > need + (type.bits() % 8 == 0 ? 0 : 3))) {
        throw malformed(type, "of shape " + java.util.Arrays.toString(shape) + " holds " + size
            + " bytes, but its type and shape need " + need);
      }
      if (size > 0 && (data == null || data.isNull())) {
        throw malformed(type, "has no data");
      }
      long address = data == null ? 0 : data.address();
      ByteBuffer bytes = Native.view(new BytePointer(data), size, view, Shim::ovx_const_free);
      owned = false; // the view's cleaner frees it now
      return new ConstantData(type, shape, bytes, address, List.of());
    } finally {
      if (owned) {
        Shim.ovx_const_free(view);
      }
    }
  }

  private static long elementCount(ElementType type, long[] shape) throws OpenVinoException {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw malformed(type, "has a negative dimension " + d);
      }
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        throw malformed(type, "of shape " + java.util.Arrays.toString(shape) + " has more elements than memory can hold");
      }
    }
    return n;
  }

  /** Copies a string constant's values, checking every count and size before reading native memory. */
  private static List<String> readStrings(ovx_const view, ElementType type, long[] shape, long count)
      throws OpenVinoException {
    long n = Native.count(Shim.ovx_const_string_count(view), "constant strings");
    if (n != count || n > Integer.MAX_VALUE - 8) {
      throw malformed(type, "of shape " + java.util.Arrays.toString(shape) + " holds " + n + " strings");
    }
    List<String> strings = new ArrayList<>((int) n);
    for (long k = 0; k < n; k++) {
      long size = Shim.ovx_const_string_size(view, k);
      if (size < 0 || size > Integer.MAX_VALUE - 8) {
        throw malformed(type, "has string " + k + " of invalid size " + size);
      }
      BytePointer data = size == 0 ? null : Shim.ovx_const_string_data(view, k);
      if (size > 0 && (data == null || data.isNull())) {
        throw malformed(type, "has no data for string " + k);
      }
      strings.add(Native.utf8(data, size));
    }
    return Collections.unmodifiableList(strings);
  }

  private static OpenVinoException malformed(ElementType type, String what) {
    return new OpenVinoException(OpenVinoException.Kind.READ, "malformed constant: data of type " + type + " " + what);
  }

  public ElementType elementType() {
    return type;
  }

  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** A new read-only, little-endian view of the data (position 0); no bytes are copied. */
  public ByteBuffer bytes() {
    return bytes.duplicate().order(bytes.order());
  }

  /** Size of the data in bytes (0 for strings). */
  public long byteSize() {
    return bytes.capacity();
  }

  /** The native address of the first byte (0 for strings or empty data). */
  public long address() {
    return address;
  }

  /** The values of a string constant (empty for other types). */
  public List<String> strings() {
    return strings;
  }
}
