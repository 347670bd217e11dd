package org.ov2onnx.openvino;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** OpenVINO's element types, by the names OpenVINO gives them ({@code f32}, {@code u4}, ...). */
public enum ElementType {
  DYNAMIC("dynamic", 0),
  BOOLEAN("boolean", 8),
  BF16("bf16", 16),
  F16("f16", 16),
  F32("f32", 32),
  F64("f64", 64),
  I4("i4", 4),
  I8("i8", 8),
  I16("i16", 16),
  I32("i32", 32),
  I64("i64", 64),
  U1("u1", 1),
  U2("u2", 2),
  U3("u3", 3),
  U4("u4", 4),
  U6("u6", 6),
  U8("u8", 8),
  U16("u16", 16),
  U32("u32", 32),
  U64("u64", 64),
  NF4("nf4", 4),
  F8E4M3("f8e4m3", 8),
  F8E5M2("f8e5m2", 8),
  STRING("string", 0),
  F4E2M1("f4e2m1", 4),
  F8E8M0("f8e8m0", 8);

  private static final Map<String, ElementType> BY_NAME = new HashMap<>();

  static {
    for (ElementType t : values()) {
      BY_NAME.put(t.ovName, t);
    }
    BY_NAME.put("undefined", DYNAMIC);
  }

  private final String ovName;
  private final int bits;

  ElementType(String ovName, int bits) {
    this.ovName = ovName;
    this.bits = bits;
  }

  /** OpenVINO's name of the type. */
  public String ovName() {
    return ovName;
  }

  /** Bits per element; 0 for {@link #STRING} and {@link #DYNAMIC}. */
  public int bits() {
    return bits;
  }

  /** True for types narrower than a byte, which OpenVINO stores packed. */
  public boolean isSubByte() {
    return bits > 0 && bits < 8;
  }

  /** Bytes that {@code count} elements take, packed as OpenVINO packs them. */
  public long byteSize(long count) {
    if (this == STRING || this == DYNAMIC) {
      throw new IllegalArgumentException(ovName + " has no fixed byte size");
    }
    return (count * bits + 7) / 8;
  }

  /** The type named {@code name} by OpenVINO (case-insensitive). */
  public static ElementType fromOvName(String name) {
    ElementType type = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new IllegalArgumentException("unknown OpenVINO element type '" + name + "'");
    }
    return type;
  }

  @Override
  public String toString() {
    return ovName;
  }
}
