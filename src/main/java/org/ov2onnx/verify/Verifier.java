package org.ov2onnx.verify;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;

/**
 * Proves a conversion: runs the original on an OpenVINO device (reference mode by default) and
 * the ONNX model on ONNX Runtime, on identical inputs, and compares every output; with
 * layer-wise search, every intermediate tensor both graphs share (by tensor name) too.
 */
public final class Verifier {
  private Verifier() {}

  public static VerifyReport verify(Path original, Path onnx, VerifyOptions options)
      throws VerifyException, OpenVinoException, IOException {
    return verify(original, onnx, options, StatefulVerifier.DEFAULT_STEPS);
  }

  /** As {@link #verify(Path, Path, VerifyOptions)}; a stateful model runs {@code steps} steps ({@link StatefulVerifier}). */
  public static VerifyReport verify(Path original, Path onnx, VerifyOptions options, int steps)
      throws VerifyException, OpenVinoException, IOException {
    requireFile(onnx, "ONNX file");
    if (options.inputData() != null) {
      requireFile(options.inputData(), "--input-data");
    }
    List<String> notes = new ArrayList<>();
    options = QuantizedDefaults.apply(onnx, options, notes);
    try (Core core = Core.create();
        Model model = core.readModel(original, options.weights())) {
      try {
        Converter.applyInputs(model, options.inputs());
      } catch (ConversionException e) {
        throw new VerifyException(true, e.getMessage());
      }
      List<Port> inputs = model.inputs();
      List<Port> outputs = model.outputs();
      checkNames(options, inputs, outputs);
      if (DecoderVerifier.applies(model, options)) {
        return DecoderVerifier.verify(core, model, original, onnx, options, notes);
      }
      Map<String, Tensor> given = options.inputData() == null ? Map.of() : readInputData(options.inputData(), inputs);
      InputGenerator generator = new InputGenerator(options.seed());
      List<Tensor> values = new ArrayList<>();
      List<VerifyReport.InputInfo> infos = new ArrayList<>();
      for (Port p : inputs) {
        Tensor t = given.get(p.name());
        if (t == null) {
          if (!p.shape().isStatic()) {
            throw new VerifyException(true, "input '" + p.name() + "' has the dynamic shape " + p.shape()
                + ": fix it with --input " + p.name() + "[...] or give its data with --input-data");
          }
          double[] range = options.ranges().getOrDefault(p.name(), options.ranges().get(""));
          t = generator.generate(p.type(), p.shape().toStatic(), range);
        }
        values.add(t);
        infos.add(new VerifyReport.InputInfo(p.name(), t.elementType().ovName(), t.shape(), given.containsKey(p.name()) ? "file" : "random"));
      }
      if (StatefulVerifier.isStateful(model)) {
        return StatefulVerifier.verify(core, model, original, onnx, options, steps, given, values, notes);
      }
      List<String> outNames = outputs.stream().map(Port::name).toList();
      // read once, for the layer-wise search only: it pairs tensors and adds them as outputs
      ModelProto proto = options.layerwise() ? readProto(onnx) : null;
      List<Probe> probes = options.layerwise() ? sharedTensors(model, proto, inputs, outputs) : List.of();
      List<String> layerTensors = probes.stream().map(Probe::name).toList();
      Map<String, Tensor> expected;
      if (probes.isEmpty()) {
        expected = OpenVinoRunner.run(core, model, options.device(), values, outNames, notes);
      } else {
        try (Model copy = model.copy()) {
          List<String> names = new ArrayList<>(outNames);
          for (Probe p : probes) {
            if (p.tensorName() != null) {
              copy.addOutput(p.tensorName());
            } else {
              copy.addOutput(p.node().name(), p.port());
            }
            names.add(p.name());
          }
          expected = OpenVinoRunner.run(core, copy, options.device(), values, names, notes);
        }
      }
      Map<String, Tensor> actual = runOnnx(onnx, proto, inputs, values, outNames, layerTensors, expected);
      List<OutputMetrics> metrics = new ArrayList<>();
      for (Port p : outputs) {
        metrics.add(compare(p.name(), expected.get(p.name()), actual.get(p.name()), options));
      }
      VerifyReport.Layerwise layerwise = null;
      if (options.layerwise()) {
        layerwise = layerwise(probes, expected, actual, options);
      }
      Attribution attribution = options.attribution() ? attribute(core, onnx, inputs, values, outputs, expected, metrics, options) : null;
      return new VerifyReport(original.toString(), onnx.toString(), options.device().toString(), options.seed(), infos, metrics, layerwise, notes,
          attribution);
    }
  }

  /**
   * Runs the converted ONNX on OpenVINO (its ONNX reader), on the original's device and inputs,
   * and compares it with the original there: see {@link Attribution}.
   */
  private static Attribution attribute(Core core, Path onnx, List<Port> inputs, List<Tensor> values, List<Port> outputs,
      Map<String, Tensor> expected, List<OutputMetrics> onnxRuntime, VerifyOptions options) {
    List<String> notes = new ArrayList<>();
    try (Model converted = core.readModel(onnx)) {
      List<Tensor> feeds = new ArrayList<>();
      for (Port p : converted.inputs()) {
        int i = indexByName(inputs, p.names());
        if (i < 0) {
          return Attribution.unavailable("OpenVINO reads an input '" + p.name() + "' in the converted ONNX that the original lacks");
        }
        feeds.add(values.get(i));
      }
      List<Port> convertedOutputs = converted.outputs();
      List<String> names = convertedOutputs.stream().map(Port::name).toList();
      Map<String, Tensor> got = OpenVinoRunner.run(core, converted, options.device(), feeds, names, notes);
      List<OutputMetrics> metrics = new ArrayList<>();
      for (Port p : outputs) {
        int i = indexByName(convertedOutputs, p.names());
        metrics.add(compare(p.name(), expected.get(p.name()), i < 0 ? null : got.get(names.get(i)), options));
      }
      return Attribution.of(options.device().toString(), onnxRuntime, metrics);
    } catch (OpenVinoException | RuntimeException e) {
      String line = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return Attribution.unavailable("OpenVINO cannot run the converted ONNX, so no attribution: " + line);
    }
  }

  private static int indexByName(List<Port> ports, List<String> names) {
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).names().stream().anyMatch(names::contains)) {
        return i;
      }
    }
    return -1;
  }

  /** A clear refusal of a path that is missing, a directory, or not a regular file (a FIFO would block). */
  static void requireFile(Path p, String what) throws VerifyException {
    if (Files.isRegularFile(p)) {
      return;
    }
    if (!Files.exists(p)) {
      throw new VerifyException(false, what + " not found: " + p);
    }
    throw new VerifyException(false, what + " " + p + (Files.isDirectory(p) ? " is a directory, not a file"
        : " is not a regular file (a FIFO, socket or device?); give a file"));
  }

  private static void checkNames(VerifyOptions options, List<Port> inputs, List<Port> outputs) throws VerifyException {
    Set<String> outNames = new HashSet<>();
    outputs.forEach(p -> outNames.addAll(p.names()));
    for (Map<String, Double> m : List.of(options.atol(), options.rtol(), options.scaleTol())) {
      for (String name : m.keySet()) {
        if (!name.isEmpty() && !outNames.contains(name)) {
          throw new VerifyException(true, "there is no output named '" + name + "' (outputs: "
              + String.join(", ", outputs.stream().map(Port::name).toList()) + ")");
        }
      }
    }
    Set<String> inNames = new HashSet<>();
    inputs.forEach(p -> inNames.addAll(p.names()));
    for (String name : options.ranges().keySet()) {
      if (!name.isEmpty() && !inNames.contains(name)) {
        throw new VerifyException(true, "there is no input named '" + name + "'");
      }
    }
  }

  private static Map<String, Tensor> readInputData(Path file, List<Port> inputs) throws VerifyException {
    Map<String, Tensor> arrays;
    try {
      arrays = Npy.read(file);
    } catch (IOException e) {
      throw new VerifyException(false, "cannot read --input-data " + file + ": " + e.getMessage());
    }
    Map<String, Tensor> byInput = new LinkedHashMap<>();
    if (arrays.size() == 1 && inputs.size() == 1 && file.getFileName().toString().endsWith(".npy")) {
      byInput.put(inputs.get(0).name(), arrays.values().iterator().next());
    } else {
      for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
        Port port = inputs.stream().filter(p -> p.names().contains(e.getKey())).findFirst().orElse(null);
        if (port == null) {
          throw new VerifyException(false, "--input-data " + file + " has an array '" + e.getKey()
              + "', which is not an input of the model (inputs: " + String.join(", ", inputs.stream().map(Port::name).toList()) + ")");
        }
        byInput.put(port.name(), e.getValue());
      }
    }
    for (Port p : inputs) {
      Tensor t = byInput.get(p.name());
      if (t == null) {
        continue;
      }
      if (t.elementType() != p.type()) {
        throw new VerifyException(false, "--input-data: '" + p.name() + "' is " + t.elementType() + ", the model wants " + p.type());
      }
      if (!compatible(p, t.shape())) {
        throw new VerifyException(false, "--input-data: '" + p.name() + "' has shape " + Arrays.toString(t.shape())
            + ", which does not fit the model's " + p.shape());
      }
    }
    return byInput;
  }

  private static boolean compatible(Port p, long[] shape) {
    if (p.shape().isRankDynamic()) {
      return true;
    }
    if (p.shape().rank() != shape.length) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      var d = p.shape().dims().get(i);
      if (shape[i] < d.min() || (d.max() != -1 && shape[i] > d.max())) {
        return false;
      }
    }
    return true;
  }

  /**
   * An intermediate tensor both graphs have: the ONNX value {@code name} that the conversion made
   * of output {@code port} of the original's node {@code node} (its tensor name if it has one,
   * else its friendly name).
   */
  record Probe(String name, Node node, int port, String tensorName) {}

  /** The intermediate tensors of non-trivial original nodes that are also ONNX values. */
  private static List<Probe> sharedTensors(Model model, ModelProto proto, List<Port> inputs, List<Port> outputs)
      throws OpenVinoException {
    Set<String> onnxValues = new HashSet<>();
    for (NodeProto n : proto.getGraph().getNodeList()) {
      onnxValues.addAll(n.getOutputList());
    }
    Set<String> skip = new HashSet<>();
    inputs.forEach(p -> skip.addAll(p.names()));
    outputs.forEach(p -> skip.addAll(p.names()));
    String[][] names = Converter.valueNames(model);
    Map<String, Integer> friendlyCount = new java.util.HashMap<>();
    for (Node n : model.nodes()) {
      friendlyCount.merge(n.name(), 1, Integer::sum);
    }
    List<Probe> shared = new ArrayList<>();
    for (Node n : model.nodes()) {
      String type = n.type();
      if (type.equals("Constant") || type.equals("Parameter") || type.equals("Result")) {
        continue;
      }
      List<Port> ports = n.outputs();
      for (int p = 0; p < ports.size(); p++) {
        Port port = ports.get(p);
        String name = names[n.index()][p];
        boolean addressable = !port.names().isEmpty() || friendlyCount.get(n.name()) == 1;
        if (addressable && onnxValues.contains(name) && !skip.contains(name)
            && OnnxTypes.toOnnx(port.type()) != null && port.type() != ElementType.STRING) {
          shared.add(new Probe(name, n, p, port.names().isEmpty() ? null : port.name()));
          skip.add(name);
        }
      }
    }
    return shared;
  }

  private static ModelProto readProto(Path onnx) throws IOException {
    try (var in = Files.newInputStream(onnx)) {
      return ModelProto.parseFrom(in);
    }
  }

  private static Map<String, Tensor> runOnnx(Path onnx, ModelProto proto, List<Port> inputs, List<Tensor> values, List<String> outNames,
      List<String> layerTensors, Map<String, Tensor> expected) throws VerifyException {
    try (OnnxRuntimeRunner ort = layerTensors.isEmpty() ? new OnnxRuntimeRunner(onnx)
        : new OnnxRuntimeRunner(onnx, withOutputs(proto, layerTensors, expected))) {
      List<String> onnxInputs = ort.inputNames();
      Map<String, Tensor> feeds = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        String name = inputs.get(i).name();
        if (!onnxInputs.contains(name)) {
          throw new VerifyException(false, "the ONNX model has no input '" + name + "' (its inputs: " + String.join(", ", onnxInputs) + ")");
        }
        feeds.put(name, values.get(i));
      }
      List<String> wanted = new ArrayList<>();
      List<String> onnxOutputs = ort.outputNames();
      for (String name : outNames) {
        if (!onnxOutputs.contains(name)) {
          throw new VerifyException(false, "the ONNX model has no output '" + name + "' (its outputs: " + String.join(", ", onnxOutputs) + ")");
        }
        wanted.add(name);
      }
      wanted.addAll(layerTensors);
      return ort.run(feeds, wanted);
    } catch (OrtException e) {
      throw new VerifyException(false, "ONNX Runtime cannot run " + onnx + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The model with the layer-wise search's tensors as extra graph outputs. */
  private static ModelProto withOutputs(ModelProto proto, List<String> tensors, Map<String, Tensor> expected) {
    ModelProto.Builder b = proto.toBuilder();
    for (String t : tensors) {
      ElementType type = expected.get(t).elementType();
      b.getGraphBuilder().addOutput(ValueInfoProto.newBuilder().setName(t)
          .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxTypes.toOnnx(type).getNumber()))));
    }
    return b.build();
  }

  static OutputMetrics compare(String name, Tensor expected, Tensor actual, VerifyOptions options) {
    return compare(name, expected, actual, options.toleranceFor(name, expected.elementType()));
  }

  /** Metrics of {@code actual} against {@code expected}; shape, type and string differences fail. */
  public static OutputMetrics compare(String name, Tensor expected, Tensor actual, Tolerance tol) {
    ElementType type = expected.elementType();
    if (actual == null) {
      return OutputMetrics.failed(name, type, expected.shape(), tol, "missing in the ONNX model's results");
    }
    if (actual.elementType() != type) {
      return OutputMetrics.failed(name, type, expected.shape(), tol, "element type " + actual.elementType() + " instead of " + type);
    }
    if (!Arrays.equals(actual.shape(), expected.shape())) {
      return OutputMetrics.failed(name, type, expected.shape(), tol, "shape " + Arrays.toString(actual.shape()) + " instead of " + Arrays.toString(expected.shape()));
    }
    if (type == ElementType.STRING) {
      boolean same = expected.strings().equals(actual.strings());
      return new OutputMetrics(name, type, expected.shape(), same ? 0 : Double.NaN, same ? 0 : Double.NaN, same ? 0 : Double.NaN, same ? 1 : 0,
          same ? 0 : 1, 0, 0, tol, same, same ? null : "strings differ", Double.NaN, null);
    }
    return OutputMetrics.of(name, type, expected.shape(), TensorValues.of(expected), TensorValues.of(actual), tol);
  }

  private static VerifyReport.Layerwise layerwise(List<Probe> probes, Map<String, Tensor> expected,
      Map<String, Tensor> actual, VerifyOptions options) throws OpenVinoException {
    List<OutputMetrics> all = new ArrayList<>();
    VerifyReport.Divergence first = null;
    for (Probe p : probes) {
      OutputMetrics m = compare(p.name(), expected.get(p.name()), actual.get(p.name()), options);
      all.add(m);
      if (first == null && !m.passed()) {
        first = new VerifyReport.Divergence(p.node().name(), p.node().type(), p.node().version(), m);
      }
    }
    return new VerifyReport.Layerwise(probes.size(), first, all);
  }
}
