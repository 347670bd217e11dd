package org.ov2onnx.verify;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/** Runs an ONNX model on ONNX Runtime's CPU provider (the Java API from Maven Central). */
public final class OnnxRuntimeRunner implements AutoCloseable {
  private final OrtSession session;

  /** Loads {@code onnx}; external data is found next to it. */
  public OnnxRuntimeRunner(Path onnx) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(1);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
      this.session = env.createSession(onnx.toString(), so);
    }
  }

  public List<String> inputNames() throws OrtException {
    return new ArrayList<>(session.getInputInfo().keySet());
  }

  public List<String> outputNames() throws OrtException {
    return new ArrayList<>(session.getOutputInfo().keySet());
  }

  /** The element type ONNX Runtime expects for an input. */
  public ElementType inputType(String name) throws OrtException {
    NodeInfo info = session.getInputInfo().get(name);
    return info != null && info.getInfo() instanceof TensorInfo t ? fromOrt(t.type) : ElementType.DYNAMIC;
  }

  /** Runs with these inputs (by name) and returns the requested outputs (all if null), by name. */
  public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputs) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
        Tensor t = e.getValue();
        feeds.put(e.getKey(), t.elementType() == ElementType.STRING
            ? OnnxTensor.createTensor(env, t.strings().toArray(new String[0]), t.shape())
            : OnnxTensor.createTensor(env, nativeOrder(t.data()), t.shape(), javaType(t.elementType())));
      }
      Set<String> wanted = new LinkedHashSet<>(outputs == null ? outputNames() : outputs);
      try (OrtSession.Result result = session.run(feeds, wanted)) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : wanted) {
          OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow();
          long[] shape = t.getInfo().getShape();
          ElementType type = fromOrt(t.getInfo().type);
          if (type == ElementType.STRING) {
            List<String> strings = new ArrayList<>();
            flatten(t.getValue(), strings);
            out.put(name, Tensor.ofStrings(shape, strings));
          } else {
            out.put(name, Tensor.of(type, shape, t.getByteBuffer().order(ByteOrder.LITTLE_ENDIAN)));
          }
        }
        return out;
      }
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private static void flatten(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof Object[] arr) {
      Arrays.stream(arr).forEach(o -> flatten(o, out));
    }
  }

  private static ByteBuffer nativeOrder(ByteBuffer data) {
    ByteBuffer d = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
    d.put(data.duplicate()).flip();
    return d;
  }

  static OnnxJavaType javaType(ElementType t) {
    return switch (t) {
      case F32 -> OnnxJavaType.FLOAT;
      case F64 -> OnnxJavaType.DOUBLE;
      case F16 -> OnnxJavaType.FLOAT16;
      case BF16 -> OnnxJavaType.BFLOAT16;
      case I8 -> OnnxJavaType.INT8;
      case U8 -> OnnxJavaType.UINT8;
      case I16 -> OnnxJavaType.INT16;
      case I32 -> OnnxJavaType.INT32;
      case I64 -> OnnxJavaType.INT64;
      case BOOLEAN -> OnnxJavaType.BOOL;
      default -> throw new IllegalArgumentException("ONNX Runtime's Java API cannot take " + t + " inputs");
    };
  }

  static ElementType fromOrt(OnnxJavaType t) {
    return switch (t) {
      case FLOAT -> ElementType.F32;
      case DOUBLE -> ElementType.F64;
      case FLOAT16 -> ElementType.F16;
      case BFLOAT16 -> ElementType.BF16;
      case INT8 -> ElementType.I8;
      case UINT8 -> ElementType.U8;
      case INT16 -> ElementType.I16;
      case INT32 -> ElementType.I32;
      case INT64 -> ElementType.I64;
      case BOOL -> ElementType.BOOLEAN;
      case STRING -> ElementType.STRING;
      default -> ElementType.DYNAMIC;
    };
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
