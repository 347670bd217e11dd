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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/**
 * Runs an ONNX model on ONNX Runtime's CPU provider (the Java API from Maven Central). Models
 * whose inputs or outputs have element types that API cannot carry (u16, u32, u64, f8, i4, u4)
 * run through a copy with exact casts at the graph's edges ({@link EdgeCasts}); callers see the
 * original names and types.
 */
public final class OnnxRuntimeRunner implements AutoCloseable {
  private final OrtSession session;
  private final EdgeCasts casts;
  private final List<String> inputNames;
  private final List<String> outputNames;

  /** Loads {@code onnx}; external data is found next to it. */
  public OnnxRuntimeRunner(Path onnx) throws OrtException {
    OrtSession plain = open(onnx);
    if (!needsCarriers(plain)) {
      this.session = plain;
      this.casts = null;
    } else {
      plain.close();
      ModelProto model;
      try (var in = Files.newInputStream(onnx)) {
        model = ModelProto.parseFrom(in);
      } catch (IOException e) {
        throw new OrtException("cannot read " + onnx + ": " + e.getMessage());
      }
      this.casts = EdgeCasts.plan(model);
      this.session = openCopy(onnx, casts.apply(model));
    }
    this.inputNames = originalNames(session.getInputInfo().keySet(), casts == null ? List.of() : casts.inputs);
    this.outputNames = originalNames(session.getOutputInfo().keySet(), casts == null ? List.of() : casts.outputs);
  }

  /**
   * Loads {@code model}, a modified copy of the model in {@code onnx} (whose external data, if any,
   * lies next to {@code onnx}).
   */
  public OnnxRuntimeRunner(Path onnx, ModelProto model) throws OrtException {
    EdgeCasts plan = EdgeCasts.plan(model);
    this.casts = plan.isEmpty() ? null : plan;
    this.session = openCopy(onnx, plan.isEmpty() ? model : plan.apply(model));
    this.inputNames = originalNames(session.getInputInfo().keySet(), plan.inputs);
    this.outputNames = originalNames(session.getOutputInfo().keySet(), plan.outputs);
  }

  private static OrtSession open(Path onnx) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      so.setIntraOpNumThreads(1);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
      return env.createSession(onnx.toString(), so);
    }
  }

  /**
   * Writes {@code model} to a temporary file next to {@code onnx} (so that relative external data
   * resolves; the system's temporary folder if that one is not writable), opens it, deletes it.
   */
  private static OrtSession openCopy(Path onnx, ModelProto model) throws OrtException {
    Path temp = null;
    try {
      try {
        temp = Files.createTempFile(onnx.toAbsolutePath().getParent(), ".ov2onnx-verify-", ".onnx");
      } catch (IOException e) {
        temp = Files.createTempFile("ov2onnx-verify-", ".onnx");
      }
      try (var out = Files.newOutputStream(temp)) {
        model.writeTo(out);
      }
      return open(temp);
    } catch (IOException e) {
      throw new OrtException("cannot write the copy of " + onnx + " that verification runs: " + e.getMessage());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          temp.toFile().deleteOnExit();
        }
      }
    }
  }

  /** Whether a graph input or output has a type the Java API cannot carry. */
  private static boolean needsCarriers(OrtSession s) throws OrtException {
    for (Map<String, NodeInfo> infos : List.of(s.getInputInfo(), s.getOutputInfo())) {
      for (NodeInfo info : infos.values()) {
        if (info.getInfo() instanceof TensorInfo t) {
          switch (t.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16, ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32, ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64,
                ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT8E4M3FN, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT8E5M2,
                ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT8E4M3FNUZ, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT8E5M2FNUZ,
                ONNX_TENSOR_ELEMENT_DATA_TYPE_UNDEFINED -> {
              return true;
            }
            default -> {}
          }
        }
      }
    }
    return false;
  }

  private static List<String> originalNames(java.util.Set<String> sessionNames, List<EdgeCasts.Edge> edges) {
    List<String> names = new ArrayList<>();
    for (String n : sessionNames) {
      String original = n;
      for (EdgeCasts.Edge e : edges) {
        if (e.carrierName().equals(n)) {
          original = e.name();
        }
      }
      names.add(original);
    }
    return names;
  }

  public List<String> inputNames() {
    return new ArrayList<>(inputNames);
  }

  public List<String> outputNames() {
    return new ArrayList<>(outputNames);
  }

  /** Runs with these inputs (by name) and returns the requested outputs (all if null), by name. */
  public Map<String, Tensor> run(Map<String, Tensor> inputs, List<String> outputs) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
        Tensor t = e.getValue();
        String name = e.getKey();
        EdgeCasts.Edge edge = casts == null ? null : EdgeCasts.find(casts.inputs, name);
        if (edge != null) {
          t = EdgeCasts.toCarrier(t, edge);
          name = edge.carrierName();
        }
        feeds.put(name, t.elementType() == ElementType.STRING
            ? OnnxTensor.createTensor(env, t.strings().toArray(new String[0]), t.shape())
            : OnnxTensor.createTensor(env, nativeOrder(t.data()), t.shape(), javaType(t.elementType())));
      }
      Set<String> wanted = new LinkedHashSet<>(outputs == null ? outputNames : outputs);
      Map<String, String> sessionName = new LinkedHashMap<>();
      for (String name : wanted) {
        EdgeCasts.Edge edge = casts == null ? null : EdgeCasts.find(casts.outputs, name);
        sessionName.put(name, edge == null ? name : edge.carrierName());
      }
      try (OrtSession.Result result = session.run(feeds, new LinkedHashSet<>(sessionName.values()))) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : wanted) {
          OnnxTensor t = (OnnxTensor) result.get(sessionName.get(name)).orElseThrow();
          long[] shape = t.getInfo().getShape();
          ElementType type = fromOrt(t.getInfo().type);
          Tensor value;
          if (type == ElementType.STRING) {
            List<String> strings = new ArrayList<>();
            flatten(t.getValue(), strings);
            value = Tensor.ofStrings(shape, strings);
          } else {
            value = Tensor.of(type, shape, t.getByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
          }
          EdgeCasts.Edge edge = casts == null ? null : EdgeCasts.find(casts.outputs, name);
          out.put(name, edge == null ? value : EdgeCasts.fromCarrier(value, edge));
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
