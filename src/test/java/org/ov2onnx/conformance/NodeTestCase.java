package org.ov2onnx.conformance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/** One test of ONNX's backend node test suite: model.onnx plus test_data_set_0's tensors. */
record NodeTestCase(String name, Path dir) {
  /** The suite in the pinned onnx package of the test venv. */
  static Path suite() throws IOException {
    Path python = Path.of(System.getProperty("ov2onnx.test.python", "target/python-env/bin/python")).toAbsolutePath();
    Path venv = python.getParent().getParent().toRealPath();
    try (Stream<Path> libs = Files.list(venv.resolve("lib"))) {
      Path lib = libs.filter(p -> p.getFileName().toString().startsWith("python")).findFirst().orElseThrow();
      return lib.resolve("site-packages/onnx/backend/test/data/node");
    }
  }

  static List<NodeTestCase> all() throws IOException {
    List<NodeTestCase> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(suite())) {
      dirs.filter(d -> Files.exists(d.resolve("model.onnx"))).sorted()
          .forEach(d -> cases.add(new NodeTestCase(d.getFileName().toString(), d)));
    }
    return cases;
  }

  Path model() {
    return dir.resolve("model.onnx");
  }

  /** The operator the test is about: the one op type of its graph besides Constant, or its name. */
  String operator() throws IOException {
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(model()));
    TreeSet<String> ops = new TreeSet<>();
    for (NodeProto n : m.getGraph().getNodeList()) {
      if (!n.getOpType().equals("Constant")) {
        ops.add((n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx") ? "" : n.getDomain() + ".") + n.getOpType());
      }
    }
    if (ops.size() == 1) {
      return ops.first();
    }
    String base = name.replaceFirst("^test_", "").replaceFirst("_expanded.*$", "");
    return "(composite: " + base + ")";
  }

  /** The names of the test model's graph inputs that are not initializers, in order. */
  List<String> inputNames() throws IOException {
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(model()));
    java.util.Set<String> init = new java.util.HashSet<>();
    m.getGraph().getInitializerList().forEach(t -> init.add(t.getName()));
    return m.getGraph().getInputList().stream().map(v -> v.getName()).filter(n -> !init.contains(n)).toList();
  }

  List<Tensor> tensors(String prefix) throws IOException {
    List<Tensor> list = new ArrayList<>();
    Path data = dir.resolve("test_data_set_0");
    for (int i = 0; Files.exists(data.resolve(prefix + "_" + i + ".pb")); i++) {
      list.add(tensor(TensorProto.parseFrom(Files.readAllBytes(data.resolve(prefix + "_" + i + ".pb")))));
    }
    return list;
  }

  /** A TensorProto as a Tensor; throws IllegalArgumentException for what we cannot represent. */
  static Tensor tensor(TensorProto t) {
    ElementType type = OnnxTypes.fromOnnx(t.getDataType());
    if (type == null || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new IllegalArgumentException("tensor of ONNX type " + t.getDataType());
    }
    long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long n = 1;
    for (long d : shape) {
      if (d < 0 || (d > 0 && n > (1L << 28) / d)) {
        throw new IllegalArgumentException("not a tensor of a sane shape (a sequence or optional value?)");
      }
      n *= d;
    }
    if (type == ElementType.STRING) {
      if (t.getStringDataCount() != n) {
        throw new IllegalArgumentException("string tensor with " + t.getStringDataCount() + " values for " + n + " elements");
      }
      return Tensor.ofStrings(shape, t.getStringDataList().stream().map(b -> b.toStringUtf8()).toList());
    }
    if (type.isSubByte() && type != ElementType.I4 && type != ElementType.U4) {
      throw new IllegalArgumentException("sub-byte tensor " + type);
    }
    ByteBuffer bytes;
    if (!t.getRawData().isEmpty() || n == 0) {
      if (t.getRawData().size() != type.byteSize(n)) {
        throw new IllegalArgumentException("raw data of " + t.getRawData().size() + " bytes for " + n + " elements of " + type);
      }
      bytes = t.getRawData().asReadOnlyByteBuffer();
    } else if (type.isSubByte() || type == ElementType.F8E4M3 || type == ElementType.F8E5M2) {
      // int32_data holds the bits: one f8 element, or two packed 4-bit elements, per value
      long count = type.byteSize(n);
      if (t.getInt32DataCount() != count) {
        throw new IllegalArgumentException(t.getInt32DataCount() + " int32 values for " + n + " elements of " + type);
      }
      bytes = ByteBuffer.allocate((int) count);
      t.getInt32DataList().forEach(v -> bytes.put((byte) (int) v));
      bytes.flip();
    } else {
      int count = switch (type) {
        case F32 -> t.getFloatDataCount();
        case F64 -> t.getDoubleDataCount();
        case I64 -> t.getInt64DataCount();
        case U32, U64 -> t.getUint64DataCount();
        default -> t.getInt32DataCount();
      };
      if (count != n) {
        throw new IllegalArgumentException(count + " values for " + n + " elements");
      }
      double[] values = new double[(int) n];
      for (int i = 0; i < n; i++) {
        values[i] = switch (type) {
          case F32 -> t.getFloatData(i);
          case F64 -> t.getDoubleData(i);
          case I64 -> t.getInt64Data(i);
          case U32, U64 -> t.getUint64Data(i);
          case F16, BF16 -> type == ElementType.F16 ? TensorBytes.fromF16((short) t.getInt32Data(i)) : Float.intBitsToFloat(t.getInt32Data(i) << 16);
          default -> t.getInt32Data(i);
        };
      }
      bytes = TensorBytes.encode(type, values);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes.duplicate()).flip();
    return Tensor.of(type, shape, direct);
  }
}
