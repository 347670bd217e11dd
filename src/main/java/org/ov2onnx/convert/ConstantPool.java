package org.ov2onnx.convert;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * One ONNX initializer per distinct constant, for one graph scope.
 *
 * <p>OpenVINO's IR stores identical constants once: several Const layers point at the same bytes of
 * the memory-mapped {@code .bin}, so their {@link ConstantData} share an address. The first
 * constant over some data becomes the initializer; each later one with the same address, byte size,
 * element type and shape becomes an <em>alias</em> of it. Aliases are resolved when nodes are added
 * ({@link #resolve}), so converters keep using the value names the driver gave the Constants.
 *
 * <p>Small constants made by converters ({@code int64s}, {@code constant}) are shared by content.
 *
 * <p>Scopes: a sub-graph body's pool is {@link #child()} of its parent graph's pool. Constants are
 * shared within one graph only: a body referring to an outer initializer would need the outer
 * graph to keep initializers that only a body reads. Aliases resolve through the outer scopes, so a
 * body may name an outer Constant's value.
 */
final class ConstantPool {
  /**
   * Constant data identified by where it lives; {@code kind} tells derived data apart (e.g. upcast).
   * The keys spell out equals and hashCode: a record's generated ones are bound at run time through
   * method handles, which costs a short conversion about 10 ms.
   */
  private record DataKey(long address, long byteSize, ElementType type, String kind, Shape shape) {
    @Override
    public boolean equals(Object o) {
      return o instanceof DataKey k && address == k.address && byteSize == k.byteSize && type == k.type
          && kind.equals(k.kind) && shape.equals(k.shape);
    }

    @Override
    public int hashCode() {
      return ((Long.hashCode(address) * 31 + Long.hashCode(byteSize)) * 31 + type.ordinal()) * 31 + kind.hashCode();
    }
  }

  /** Small converter-made constants identified by their content. */
  private record ContentKey(int onnxType, Shape shape, ByteBuffer bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ContentKey k && onnxType == k.onnxType && shape.equals(k.shape) && bytes.equals(k.bytes);
    }

    @Override
    public int hashCode() {
      return (onnxType * 31 + shape.hashCode()) * 31 + bytes.hashCode();
    }
  }

  private record Shape(long[] dims) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(dims);
    }
  }

  private final ConstantPool parent;
  private final Map<DataKey, String> byData = new HashMap<>();
  private final Map<ContentKey, String> byContent = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();

  ConstantPool() {
    this(null);
  }

  private ConstantPool(ConstantPool parent) {
    this.parent = parent;
  }

  /** The pool of a sub-graph body nested in this pool's graph. */
  ConstantPool child() {
    return new ConstantPool(this);
  }

  /**
   * The initializer already made in this graph over the same data as {@code data}, or null. {@code kind} distinguishes initializers derived from the data ("" for the data
   * itself). Strings and data without an address are never shared.
   */
  String find(ConstantData data, String kind) {
    DataKey key = key(data, kind);
    if (key == null) {
      return null;
    }
    return byData.get(key);
  }

  /** Records that initializer {@code name} holds {@code data} (derived as {@code kind}). */
  void remember(ConstantData data, String kind, String name) {
    DataKey key = key(data, kind);
    if (key != null) {
      byData.putIfAbsent(key, name);
    }
  }

  private static DataKey key(ConstantData data, String kind) {
    if (data.elementType() == ElementType.STRING || data.address() == 0) {
      return null;
    }
    return new DataKey(data.address(), data.byteSize(), data.elementType(), kind, new Shape(data.shape()));
  }

  /** The initializer already made in this graph with exactly this content, or null. */
  String findContent(int onnxType, long[] shape, ByteBuffer bytes) {
    return byContent.get(new ContentKey(onnxType, new Shape(shape.clone()), bytes.duplicate()));
  }

  /** Records that initializer {@code name} has exactly this content ({@code bytes} is not copied). */
  void rememberContent(int onnxType, long[] shape, ByteBuffer bytes, String name) {
    byContent.putIfAbsent(new ContentKey(onnxType, new Shape(shape.clone()), bytes.duplicate()), name);
  }

  /** Makes {@code name} another name of {@code canonical}. */
  void alias(String name, String canonical) {
    aliases.put(name, resolve(canonical));
  }

  /** The initializer name a value name stands for (the name itself unless it is an alias). */
  String resolve(String name) {
    for (ConstantPool p = this; p != null; p = p.parent) {
      String target = p.aliases.get(name);
      if (target != null) {
        return target;
      }
    }
    return name;
  }
}
