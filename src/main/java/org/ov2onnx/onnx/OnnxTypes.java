package org.ov2onnx.onnx;

import java.util.EnumMap;
import java.util.Map;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto.DataType;
import org.ov2onnx.openvino.ElementType;

/** OpenVINO element types and their ONNX counterparts. */
public final class OnnxTypes {
  private static final Map<ElementType, DataType> TO_ONNX = new EnumMap<>(ElementType.class);
  private static final Map<ElementType, Integer> MIN_OPSET = new EnumMap<>(ElementType.class);

  static {
    TO_ONNX.put(ElementType.F32, DataType.FLOAT);
    TO_ONNX.put(ElementType.U8, DataType.UINT8);
    TO_ONNX.put(ElementType.I8, DataType.INT8);
    TO_ONNX.put(ElementType.U16, DataType.UINT16);
    TO_ONNX.put(ElementType.I16, DataType.INT16);
    TO_ONNX.put(ElementType.I32, DataType.INT32);
    TO_ONNX.put(ElementType.I64, DataType.INT64);
    TO_ONNX.put(ElementType.STRING, DataType.STRING);
    TO_ONNX.put(ElementType.BOOLEAN, DataType.BOOL);
    TO_ONNX.put(ElementType.F16, DataType.FLOAT16);
    TO_ONNX.put(ElementType.F64, DataType.DOUBLE);
    TO_ONNX.put(ElementType.U32, DataType.UINT32);
    TO_ONNX.put(ElementType.U64, DataType.UINT64);
    TO_ONNX.put(ElementType.BF16, DataType.BFLOAT16);
    TO_ONNX.put(ElementType.F8E4M3, DataType.FLOAT8E4M3FN);
    TO_ONNX.put(ElementType.F8E5M2, DataType.FLOAT8E5M2);
    TO_ONNX.put(ElementType.U4, DataType.UINT4);
    TO_ONNX.put(ElementType.I4, DataType.INT4);
    TO_ONNX.put(ElementType.F4E2M1, DataType.FLOAT4E2M1);
    MIN_OPSET.put(ElementType.F8E4M3, 19);
    MIN_OPSET.put(ElementType.F8E5M2, 19);
    MIN_OPSET.put(ElementType.U4, 21);
    MIN_OPSET.put(ElementType.I4, 21);
    MIN_OPSET.put(ElementType.F4E2M1, 23);
  }

  private OnnxTypes() {}

  /** The ONNX type of {@code type}, or null if ONNX has none (nf4, u1, u2, u3, u6, f8e8m0, dynamic). */
  public static DataType toOnnx(ElementType type) {
    return TO_ONNX.get(type);
  }

  /** The lowest ONNX opset whose operators accept {@code type}. */
  public static int minOpset(ElementType type) {
    return MIN_OPSET.getOrDefault(type, 1);
  }

  /** The element type of an ONNX data type number, or null. */
  public static ElementType fromOnnx(int dataType) {
    for (Map.Entry<ElementType, DataType> e : TO_ONNX.entrySet()) {
      if (e.getValue().getNumber() == dataType) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The ONNX IR version that goes with an opset of the default domain. */
  public static int irVersion(int opset) {
    if (opset <= 14) {
      return 7;
    } else if (opset <= 18) {
      return 8;
    } else if (opset <= 20) {
      return 9;
    } else if (opset <= 22) {
      return 10;
    }
    return 11;
  }
}
