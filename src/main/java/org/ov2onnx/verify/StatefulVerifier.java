package org.ov2onnx.verify;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.rewrite.StateRewrite;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;

/**
 * Verification of a stateful model (ReadValue/Assign) over several steps: one OpenVINO infer
 * request keeps the state inside from step to step, while ONNX Runtime gets each {@code
 * present.V} back as the next {@code past.V}. The first step follows the conversion's first-step
 * contract: every {@code past.V} is omitted, so that its default (the initial state) applies.
 * Step {@code k} (from 1) uses random inputs of seed {@code seed + k - 1}, or the given input data
 * at every step. Outputs are reported per step, named {@code step k/OUTPUT}, and so is each
 * {@code present.V} against the value OpenVINO's Assign stores (an extra output of a copy).
 */
public final class StatefulVerifier {
  /** Steps run when none are given. */
  public static final int DEFAULT_STEPS = 3;

  private StatefulVerifier() {}

  /** A state variable of a converted model: its graph input and output ("" where absent). */
  public record StatePair(String variable, String past, String present) {}

  /** Whether the model's main graph reads or assigns state variables. */
  public static boolean isStateful(Model model) throws OpenVinoException {
    for (Node n : model.nodes()) {
      String type = n.type();
      if (type.equals("ReadValue") || type.equals("Assign")) {
        return true;
      }
    }
    return false;
  }

  /** The state pairs a conversion recorded in the model's metadata_props. */
  public static List<StatePair> pairs(ModelProto model) {
    List<StatePair> pairs = new ArrayList<>();
    for (StringStringEntryProto e : model.getMetadataPropsList()) {
      if (e.getKey().startsWith(StateRewrite.PAIR_KEY)) {
        String[] names = e.getValue().split(";", -1);
        pairs.add(new StatePair(e.getKey().substring(StateRewrite.PAIR_KEY.length()), names[0], names.length > 1 ? names[1] : ""));
      }
    }
    return pairs;
  }

  /** The name of output {@code name} at step {@code step} (from 1) in reports. */
  public static String stepName(int step, String name) {
    return "step " + step + "/" + name;
  }

  /**
   * The inputs of each step: step 1's are {@code first}; later steps take the given data where
   * there is some, else new seeded random values (seed {@code seed + step - 1}) shaped as step 1's.
   */
  public static List<List<Tensor>> stepInputs(
      List<Port> inputs, List<Tensor> first, Map<String, Tensor> given, long seed, Map<String, double[]> ranges, int steps) {
    List<List<Tensor>> all = new ArrayList<>();
    all.add(first);
    for (int step = 2; step <= steps; step++) {
      InputGenerator generator = new InputGenerator(seed + step - 1);
      List<Tensor> values = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Port p = inputs.get(i);
        Tensor t = given.get(p.name());
        values.add(t != null ? t : generator.generate(p.type(), first.get(i).shape(), ranges.getOrDefault(p.name(), ranges.get(""))));
      }
      all.add(values);
    }
    return all;
  }

  /**
   * Runs {@code model} on one infer request of {@code spec} for every step of {@code inputs}, the
   * state kept inside the request; returns the outputs by {@link #stepName}.
   */
  public static Map<String, Tensor> runOpenVino(
      Core core, Model model, OpenVinoRunner.DeviceSpec spec, List<List<Tensor>> inputs, List<String> names, List<String> notes)
      throws OpenVinoException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (CompiledModel c = OpenVinoRunner.compile(core, model, spec, notes);
        InferRequest request = c.createRequest()) {
      for (int step = 1; step <= inputs.size(); step++) {
        List<Tensor> values = inputs.get(step - 1);
        for (int i = 0; i < values.size(); i++) {
          request.setInput(i, values.get(i));
        }
        request.infer();
        for (int i = 0; i < request.outputCount(); i++) {
          out.put(stepName(step, names.get(i)), request.output(i));
        }
      }
    }
    return out;
  }

  /**
   * For {@code compare}: the outputs of {@code model} on {@code spec}, by name; a stateful model
   * runs {@code steps} steps on one request (inputs of seeds {@code seed}, {@code seed + 1}, ...),
   * its outputs named by {@link #stepName}.
   */
  public static Map<String, Tensor> runForCompare(Core core, Model model, OpenVinoRunner.DeviceSpec spec, List<Tensor> values,
      long seed, int steps, List<String> names, List<String> notes) throws OpenVinoException {
    if (!isStateful(model)) {
      return OpenVinoRunner.run(core, model, spec, values, names, notes);
    }
    return runOpenVino(core, model, spec, stepInputs(model.inputs(), values, Map.of(), seed, Map.of(), steps), names, notes);
  }

  /** The names {@link #runForCompare} reports: the outputs, or for a stateful model the outputs of every step. */
  public static List<String> namesForCompare(Model model, List<String> names, int steps) throws OpenVinoException {
    if (!isStateful(model)) {
      return names;
    }
    List<String> all = new ArrayList<>();
    for (int step = 1; step <= steps; step++) {
      for (String name : names) {
        all.add(stepName(step, name));
      }
    }
    return all;
  }

  /** Verifies a stateful model over {@code steps} steps (the hook of {@link Verifier#verify}). */
  static VerifyReport verify(Core core, Model model, Path original, Path onnx, VerifyOptions options, int steps,
      Map<String, Tensor> given, List<Tensor> firstInputs, List<String> notes) throws VerifyException, OpenVinoException, IOException {
    if (steps < 1) {
      throw new VerifyException(true, "--steps must be at least 1 (got " + steps + ")");
    }
    List<Port> inputs = model.inputs();
    List<String> outNames = model.outputs().stream().map(Port::name).toList();
    List<List<Tensor>> stepInputs = stepInputs(inputs, firstInputs, given, options.seed(), options.ranges(), steps);
    ModelProto proto;
    try (InputStream in = Files.newInputStream(onnx)) {
      proto = ModelProto.parseFrom(in);
    }
    List<StatePair> pairs = pairs(proto);
    List<String> names = new ArrayList<>(outNames);
    Map<String, Tensor> expected;
    List<String> states = new ArrayList<>();
    Map<String, String> aliases;
    try (Model copy = model.copy()) {
      aliases = addStateOutputs(model, copy, pairs, names, states);
      expected = runOpenVino(core, copy, options.device(), stepInputs, names, notes);
    }
    for (int step = 1; step <= steps; step++) {
      for (Map.Entry<String, String> a : aliases.entrySet()) {
        expected.put(stepName(step, a.getKey()), expected.get(stepName(step, a.getValue())));
      }
    }
    List<VerifyReport.InputInfo> infos = new ArrayList<>();
    List<OutputMetrics> metrics = new ArrayList<>();
    // ONNX Runtime's Java API cannot feed an input that has an initializer (its default): steps
    // after the first run a copy without those defaults, so that past.V can be fed
    Path fed = steps > 1 ? withoutStateDefaults(onnx, proto, pairs) : null;
    try (OnnxRuntimeRunner first = new OnnxRuntimeRunner(onnx);
        OnnxRuntimeRunner later = fed == null ? null : new OnnxRuntimeRunner(fed)) {
      List<String> onnxInputs = first.inputNames();
      List<String> onnxOutputs = first.outputNames();
      List<String> wanted = new ArrayList<>(outNames);
      for (String name : outNames) {
        require(onnxOutputs, name, "output", onnx);
      }
      for (StatePair p : pairs) {
        if (!p.present().isEmpty()) {
          require(onnxOutputs, p.present(), "output", onnx);
          wanted.add(p.present());
        }
      }
      Map<String, Tensor> state = new LinkedHashMap<>();
      for (int step = 1; step <= steps; step++) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
          String name = inputs.get(i).name();
          require(onnxInputs, name, "input", onnx);
          Tensor t = stepInputs.get(step - 1).get(i);
          feeds.put(name, t);
          infos.add(new VerifyReport.InputInfo(stepName(step, name), t.elementType().ovName(), t.shape(),
              given.containsKey(name) ? "file" : "random, seed " + (options.seed() + step - 1)));
        }
        for (Map.Entry<String, Tensor> s : state.entrySet()) {
          feeds.put(s.getKey(), s.getValue());
          infos.add(new VerifyReport.InputInfo(stepName(step, s.getKey()), s.getValue().elementType().ovName(),
              s.getValue().shape(), "state of step " + (step - 1)));
        }
        Map<String, Tensor> actual;
        try {
          actual = (step == 1 ? first : later).run(feeds, wanted);
        } catch (OrtException e) {
          throw new VerifyException(false, "ONNX Runtime cannot run " + onnx + " at step " + step + ": "
              + e.getMessage().lines().findFirst().orElse(""));
        }
        for (String name : outNames) {
          Tensor e = expected.get(stepName(step, name));
          metrics.add(Verifier.compare(stepName(step, name), e, actual.get(name), options.toleranceFor(name, e.elementType())));
        }
        for (String present : states) {
          Tensor e = expected.get(stepName(step, present));
          metrics.add(Verifier.compare(stepName(step, present), e, actual.get(present), options.toleranceFor("", e.elementType())));
        }
        state.clear();
        for (StatePair p : pairs) {
          if (!p.past().isEmpty() && !p.present().isEmpty()) {
            state.put(p.past(), actual.get(p.present()));
          }
        }
      }
    } catch (OrtException e) {
      throw new VerifyException(false, "ONNX Runtime cannot run " + onnx + ": " + e.getMessage().lines().findFirst().orElse(""));
    } finally {
      if (fed != null) {
        Files.deleteIfExists(fed);
      }
    }
    notes.add("stateful model: " + steps + " steps on one OpenVINO infer request (the state kept inside), against ONNX Runtime"
        + " with each present.V fed back as past.V; step 1 omits every past.V (its default is the initial state); state variables: "
        + (pairs.isEmpty() ? "none recorded in the ONNX model" : String.join(", ", pairs.stream()
            .map(p -> p.variable() + " (" + (p.past().isEmpty() ? "-" : p.past()) + " → " + (p.present().isEmpty() ? "-" : p.present()) + ")")
            .toList())));
    if (options.layerwise()) {
      notes.add("the layer-wise search does not run on stateful models");
    }
    return new VerifyReport(original.toString(), onnx.toString(), options.device().toString(), options.seed(), infos, metrics, null, notes,
        Attribution.unavailable("stateful models are compared step by step on ONNX Runtime only"));
  }

  /**
   * Makes what each Assign stores an extra output of {@code copy} (a copy of {@code model}),
   * named after the {@code present.V} the conversion made of it, appended to {@code names}. A
   * value that already is an output is not added again: the returned map names that output for
   * its present.V. {@code presents} gets every present.V, in the order of the Assigns.
   */
  static Map<String, String> addStateOutputs(Model model, Model copy, List<StatePair> pairs, List<String> names, List<String> presents)
      throws OpenVinoException {
    Map<Node.Source, String> outputsBySource = new LinkedHashMap<>();
    for (Port out : model.outputs()) {
      outputsBySource.putIfAbsent(model.node(out.node()).inputs().get(0), out.name());
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Node n : model.nodes()) {
      String present = n.type().equals("Assign") ? presentOf(n, pairs) : null;
      if (present == null) {
        continue;
      }
      presents.add(present);
      Node.Source src = n.inputs().get(0);
      Port port = model.node(src.node()).outputPort(src.port());
      if (outputsBySource.containsKey(src)) {
        aliases.put(present, outputsBySource.get(src));
      } else if (port.names().isEmpty()) {
        copy.addOutput(model.node(src.node()).name(), src.port());
        names.add(present);
      } else {
        copy.addOutput(port.name());
        names.add(present);
      }
    }
    return aliases;
  }

  /** The present.V output that carries what this Assign stores, or null. */
  private static String presentOf(Node assign, List<StatePair> pairs) throws OpenVinoException {
    String id = null;
    for (AttributeValue a : assign.attributes().values()) {
      if (a instanceof AttributeValue.Variable v) {
        id = v.id();
      }
    }
    if (id == null && assign.attributes().get("variable_id") instanceof AttributeValue.Str s) {
      id = s.value(); // Assign-3
    }
    for (StatePair p : pairs) {
      if (p.variable().equals(id) && !p.present().isEmpty()) {
        return p.present();
      }
    }
    return null;
  }

  /** A copy of the model, next to it (for external data), whose past.V inputs have no initializer. */
  private static Path withoutStateDefaults(Path onnx, ModelProto proto, List<StatePair> pairs) throws IOException {
    Path copy = Files.createTempFile(onnx.toAbsolutePath().getParent(), ".ov2onnx-state-", ".onnx");
    Files.write(copy, withoutStateDefaults(proto, pairs).toByteArray());
    return copy;
  }

  /** The model without the initializers (defaults) of its past.V inputs, so that ONNX Runtime's Java API can feed them. */
  static ModelProto withoutStateDefaults(ModelProto proto, List<StatePair> pairs) {
    List<String> pasts = pairs.stream().map(StatePair::past).filter(p -> !p.isEmpty()).toList();
    ModelProto.Builder b = proto.toBuilder();
    GraphProto.Builder g = b.getGraphBuilder();
    for (int i = g.getInitializerCount() - 1; i >= 0; i--) {
      if (pasts.contains(g.getInitializer(i).getName())) {
        g.removeInitializer(i);
      }
    }
    return b.build();
  }

  private static void require(List<String> names, String name, String what, Path onnx) throws VerifyException {
    if (!names.contains(name)) {
      throw new VerifyException(false, "the ONNX model has no " + what + " '" + name + "' (its " + what + "s: " + String.join(", ", names) + ")");
    }
  }
}
