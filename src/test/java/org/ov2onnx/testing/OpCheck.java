package org.ov2onnx.testing;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.verify.OnnxRuntimeRunner;
import org.ov2onnx.verify.TensorValues;

/**
 * A differential test of one conversion: the IR runs on OpenVINO's CPU plugin (reference mode),
 * the converted ONNX runs on ONNX Runtime, on the same seeded random inputs, and every output is
 * compared within tolerance. The ONNX file must also pass ONNX's full checker.
 *
 * <pre>{@code
 * OpCheck.of(ir, tempDir).range("x", 0.1, 5).run().assertUsesOp("Log");
 * }</pre>
 */
public final class OpCheck {
  private final Path xml;
  private final Path dir;
  private ConvertOptions options = ConvertOptions.defaults();
  private final Map<String, Tensor> given = new HashMap<>();
  private final Map<String, double[]> ranges = new HashMap<>();
  private final Map<String, long[]> shapes = new HashMap<>();
  private double atol = 1e-4;
  private double rtol = 1e-4;
  private long seed = 2026;
  private boolean check = true;

  private OpCheck(Path xml, Path dir) {
    this.xml = xml;
    this.dir = dir;
  }

  /** Checks the IR at {@code xml}; files go to {@code dir}. */
  public static OpCheck model(Path xml, Path dir) {
    return new OpCheck(xml, dir);
  }

  /** Writes {@code ir} into {@code dir} and checks it. */
  public static OpCheck of(IrBuilder ir, Path dir) throws IOException {
    return new OpCheck(ir.write(dir), dir);
  }

  public OpCheck opset(int opset) {
    options = options.withOpset(opset);
    return this;
  }

  public OpCheck options(ConvertOptions o) {
    options = o;
    return this;
  }

  /** Feeds this exact value to input {@code name}. */
  public OpCheck input(String name, Tensor value) {
    given.put(name, value);
    return this;
  }

  /** Random values for {@code name} uniform in [lo, hi) (integers: lo..hi inclusive). */
  public OpCheck range(String name, double lo, double hi) {
    ranges.put(name, new double[] {lo, hi});
    return this;
  }

  /** The concrete shape to feed a dynamic input with. */
  public OpCheck shape(String name, long... dims) {
    shapes.put(name, dims);
    return this;
  }

  public OpCheck tolerance(double atol, double rtol) {
    this.atol = atol;
    this.rtol = rtol;
    return this;
  }

  public OpCheck seed(long s) {
    this.seed = s;
    return this;
  }

  /** Skips ONNX's checker (only for models it cannot judge, e.g. custom domains). */
  public OpCheck withoutChecker() {
    this.check = false;
    return this;
  }

  /** What a run produced. */
  public record Outcome(Path onnx, ModelProto model, Map<String, Double> maxAbsError) {
    /** The op types of the ONNX graph's nodes, in order. */
    public List<String> opTypes() {
      return model.getGraph().getNodeList().stream().map(NodeProto::getOpType).collect(Collectors.toList());
    }

    public Outcome assertUsesOp(String opType) {
      if (!opTypes().contains(opType)) {
        throw new AssertionError("expected an ONNX " + opType + " node, got " + opTypes());
      }
      return this;
    }

    public Outcome assertNoOp(String opType) {
      if (opTypes().contains(opType)) {
        throw new AssertionError("expected no ONNX " + opType + " node, got " + opTypes());
      }
      return this;
    }
  }

  /** Converts, checks and compares; throws AssertionError on any difference. */
  public Outcome run() throws Exception {
    Path onnx = dir.resolve(xml.getFileName().toString().replaceAll("\\.xml$", "") + ".onnx");
    new Converter().convert(xml, onnx, options);
    if (check) {
      String problem = OnnxChecker.check(onnx);
      if (problem != null) {
        throw new AssertionError("ONNX checker rejected " + onnx + ": " + problem);
      }
    }
    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
    Map<String, Double> errors = new LinkedHashMap<>();
    try (Core core = Core.create();
        Model model = core.readModel(xml)) {
      List<Port> inputs = model.inputs();
      List<Tensor> values = new ArrayList<>();
      Random random = new Random(seed);
      for (Port p : inputs) {
        values.add(given.containsKey(p.name()) ? given.get(p.name()) : random(p, random));
      }
      List<Tensor> expected = runOpenVino(core, model, values);
      List<Tensor> actual = runOnnxRuntime(onnx, proto, values);
      List<Port> outputs = model.outputs();
      if (expected.size() != actual.size()) {
        throw new AssertionError("OpenVINO gave " + expected.size() + " outputs, ONNX Runtime " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        String name = outputs.get(i).name();
        errors.put(name, compare(name, expected.get(i), actual.get(i)));
      }
    }
    return new Outcome(onnx, proto, errors);
  }

  private Tensor random(Port p, Random random) {
    long[] shape = shapes.containsKey(p.name()) ? shapes.get(p.name()) : p.shape().toStatic();
    ElementType t = p.type();
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (t == ElementType.STRING) {
      List<String> s = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        s.add("s" + random.nextInt(100));
      }
      return Tensor.ofStrings(shape, s);
    }
    double[] range = ranges.get(p.name());
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      switch (t) {
        case F32, F64, F16, BF16 -> v[i] = range == null ? random.nextGaussian() : range[0] + random.nextDouble() * (range[1] - range[0]);
        case BOOLEAN -> v[i] = random.nextBoolean() ? 1 : 0;
        default -> {
          long lo = range == null ? (t.name().startsWith("U") ? 0 : -10) : (long) range[0];
          long hi = range == null ? 10 : (long) range[1];
          v[i] = lo + random.nextInt((int) (hi - lo + 1));
        }
      }
    }
    ByteBuffer bytes = TensorBytes.encode(t, v);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    return Tensor.of(t, shape, direct);
  }

  private static List<Tensor> runOpenVino(Core core, Model model, List<Tensor> inputs) throws Exception {
    try (CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
        InferRequest request = compiled.createRequest()) {
      for (int i = 0; i < inputs.size(); i++) {
        request.setInput(i, inputs.get(i));
      }
      request.infer();
      List<Tensor> out = new ArrayList<>();
      for (int i = 0; i < request.outputCount(); i++) {
        out.add(request.output(i));
      }
      return out;
    }
  }

  private static List<Tensor> runOnnxRuntime(Path onnx, ModelProto proto, List<Tensor> inputs)
      throws OrtException {
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
      Map<String, Tensor> feeds = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        feeds.put(proto.getGraph().getInput(i).getName(), inputs.get(i));
      }
      return new ArrayList<>(ort.run(feeds, null).values());
    }
  }

  /** Values of a numeric tensor as doubles. */
  public static double[] values(Tensor t) {
    return TensorValues.of(t);
  }

  private double compare(String name, Tensor expected, Tensor actual) {
    if (!Arrays.equals(expected.shape(), actual.shape())) {
      throw new AssertionError(
          "output " + name + ": OpenVINO shape " + Arrays.toString(expected.shape()) + ", ONNX Runtime " + Arrays.toString(actual.shape()));
    }
    if (expected.elementType() != actual.elementType()) {
      throw new AssertionError("output " + name + ": OpenVINO type " + expected.elementType() + ", ONNX Runtime " + actual.elementType());
    }
    if (expected.elementType() == ElementType.STRING) {
      if (!expected.strings().equals(actual.strings())) {
        throw new AssertionError("output " + name + ": strings differ");
      }
      return 0;
    }
    double[] e = values(expected);
    double[] a = values(actual);
    boolean exact = switch (expected.elementType()) {
      case F32, F64, F16, BF16 -> false;
      default -> true;
    };
    double tolA = expected.elementType() == ElementType.F16 || expected.elementType() == ElementType.BF16 ? Math.max(atol, 1e-2) : atol;
    double tolR = expected.elementType() == ElementType.F16 || expected.elementType() == ElementType.BF16 ? Math.max(rtol, 1e-2) : rtol;
    double max = 0;
    for (int i = 0; i < e.length; i++) {
      if (Double.isNaN(e[i]) && Double.isNaN(a[i])) {
        continue;
      }
      double diff = Math.abs(e[i] - a[i]);
      if (e[i] == a[i]) {
        diff = 0;
      }
      max = Math.max(max, diff);
      boolean ok = exact ? diff == 0 : diff <= tolA + tolR * Math.abs(e[i]);
      if (!ok) {
        throw new AssertionError(
            "output " + name + " differs at element " + i + ": OpenVINO " + e[i] + ", ONNX Runtime " + a[i]
                + " (|diff| " + diff + ", atol " + tolA + ", rtol " + tolR + ")");
      }
    }
    return max;
  }
}
