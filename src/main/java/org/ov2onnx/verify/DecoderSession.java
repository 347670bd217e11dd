package org.ov2onnx.verify;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorShapeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.PartialShape;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;

/**
 * One decoder being run step by step: it knows how many tokens its cache holds and builds each
 * step's inputs ({@link DecoderInputs#feeds}). On OpenVINO ({@link #openVino}) the cache lives in
 * one stateful infer request; on ONNX Runtime ({@link #onnxRuntime}) it is explicit: each {@code
 * present.V} is fed back as the next step's {@code past.V}, and the first step (and the first after
 * {@link #reset}) feeds every {@code past.V} its default, the initializer the conversion wrote
 * (for a KV cache an empty tensor, which makes the model compute the initial state).
 */
public abstract class DecoderSession implements AutoCloseable {
  /** One step's logits, and the state after it by {@code present.V} name (only what was asked for). */
  public record Step(Tensor logits, Map<String, Tensor> state) {}

  private final DecoderInputs inputs;
  private final String what;
  private long past;
  private int steps;

  private DecoderSession(DecoderInputs inputs, String what) {
    this.inputs = inputs;
    this.what = what;
  }

  public DecoderInputs inputs() {
    return inputs;
  }

  /** How many tokens the cache holds. */
  public long pastLength() {
    return past;
  }

  /**
   * Runs one step: {@code tokens} [batch][new tokens] (every row of one length), {@code beam} the
   * cache row each batch row continues (null: its own).
   */
  public Step step(long[][] tokens, int[] beam) throws VerifyException, OpenVinoException {
    Step s = run(inputs.feeds(tokens, past, beam), ++steps);
    long[] shape = s.logits().shape();
    if (shape.length < 2 || shape[0] != tokens.length || (shape.length >= 3 && shape[shape.length - 2] < 1) || shape[shape.length - 1] < 1) {
      throw new VerifyException(false, "the logits '" + inputs.name(DecoderInputs.LOGITS) + "' of " + what + " have the shape "
          + Arrays.toString(shape) + " at step " + steps + "; a decoder's are [batch, tokens, vocabulary] or [batch, vocabulary]");
    }
    past += tokens[0].length;
    return s;
  }

  /** Starts afresh: an empty cache (OpenVINO: a new infer request; ONNX Runtime: the defaults). */
  public void reset() throws OpenVinoException {
    past = 0;
    steps = 0;
    resetState();
  }

  abstract Step run(Map<String, Tensor> feeds, int step) throws VerifyException, OpenVinoException;

  abstract void resetState() throws OpenVinoException;

  @Override
  public abstract void close() throws OpenVinoException;

  /**
   * A session over a converted model on ONNX Runtime (CPU). Its state inputs and outputs are those
   * {@code metadata_props} records ({@code ov2onnx.state.V}); a model without them is refused.
   */
  public static DecoderSession onnxRuntime(Path onnx, Map<String, String> names) throws VerifyException {
    ModelProto proto;
    try (InputStream in = Files.newInputStream(onnx)) {
      proto = ModelProto.parseFrom(in);
    } catch (IOException e) {
      throw new VerifyException(false, "cannot read the ONNX model " + onnx + ": " + e.getMessage());
    }
    return onnxRuntime(onnx, proto, names);
  }

  static DecoderSession onnxRuntime(Path onnx, ModelProto proto, Map<String, String> names) throws VerifyException {
    List<StatefulVerifier.StatePair> pairs = StatefulVerifier.pairs(proto).stream()
        .filter(p -> !p.past().isEmpty() && !p.present().isEmpty()).toList();
    if (pairs.isEmpty()) {
      throw new VerifyException(false, onnx + " has no state (no ov2onnx.state.* in its metadata_props): a decoder converted from a stateful"
          + " OpenVINO model carries its KV cache as past.V inputs and present.V outputs");
    }
    Map<String, Tensor> defaults = new LinkedHashMap<>();
    for (StatefulVerifier.StatePair p : pairs) {
      TensorProto init = proto.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(p.past())).findFirst().orElse(null);
      defaults.put(p.past(), init == null ? emptyOf(onnx, proto, p.past()) : tensorOf(onnx, init));
    }
    Map<String, ElementType> ins = new LinkedHashMap<>();
    for (ValueInfoProto v : proto.getGraph().getInputList()) {
      ins.put(v.getName(), OnnxTypes.fromOnnx(v.getType().getTensorType().getElemType()));
    }
    Map<String, Long> outs = new LinkedHashMap<>();
    for (ValueInfoProto v : proto.getGraph().getOutputList()) {
      List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
      outs.put(v.getName(), dims.isEmpty() || !dims.get(dims.size() - 1).hasDimValue() ? -1 : dims.get(dims.size() - 1).getDimValue());
    }
    DecoderInputs inputs = DecoderInputs.resolve(onnx.toString(), ins, outs, names, List.copyOf(defaults.keySet()));
    OnnxRuntimeRunner runner;
    try {
      // ONNX Runtime's Java API cannot feed an input that has an initializer: run a copy without them
      runner = new OnnxRuntimeRunner(onnx, StatefulVerifier.withoutStateDefaults(proto, pairs));
    } catch (OrtException e) {
      throw new VerifyException(false, "ONNX Runtime cannot load " + onnx + ": " + firstLine(e));
    }
    return new OnnxSession(onnx, inputs, runner, pairs, defaults);
  }

  /**
   * A session over {@code model} on one stateful infer request of {@code device}. The state of
   * the variables in {@code pairs} (from the converted model's metadata, for comparison; may be
   * empty) is returned by each step, named {@code present.V}: what each Assign stores, made an
   * extra output of a copy of the model.
   */
  public static DecoderSession openVino(Core core, Model model, OpenVinoRunner.DeviceSpec device, Map<String, String> names,
      List<StatefulVerifier.StatePair> pairs, List<String> notes) throws VerifyException, OpenVinoException {
    if (!StatefulVerifier.isStateful(model)) {
      throw new VerifyException(false, model.source() + " has no state (ReadValue/Assign): a decoder keeps its KV cache in variables");
    }
    Map<String, ElementType> ins = new LinkedHashMap<>();
    List<Port> inputs = model.inputs();
    for (Port p : inputs) {
      ins.put(p.name(), p.type());
    }
    Map<String, Long> outs = new LinkedHashMap<>();
    for (Port p : model.outputs()) {
      PartialShape s = p.shape();
      outs.put(p.name(), s.isRankDynamic() || s.rank() == 0 || !s.dims().get(s.rank() - 1).isStatic() ? -1 : s.dims().get(s.rank() - 1).length());
    }
    DecoderInputs roles = DecoderInputs.resolve(model.source(), ins, outs, names, List.of());
    List<String> outNames = new ArrayList<>(outs.keySet());
    List<String> presents = new ArrayList<>();
    Model copy = model.copy();
    try {
      Map<String, String> aliases = StatefulVerifier.addStateOutputs(model, copy, pairs, outNames, presents);
      // reference mode keeps the KV cache in f32 too (CPU and GPU may compress it to u8 or f16)
      CompiledModel compiled = OpenVinoRunner.compile(core, copy, device, Map.of("KV_CACHE_PRECISION", "f32"), notes);
      return new OpenVinoSession(model.source() + " on OpenVINO " + device, roles, copy, compiled,
          inputs.stream().map(Port::name).toList(), outNames, presents, aliases);
    } catch (OpenVinoException | RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  private static Tensor tensorOf(Path onnx, TensorProto t) throws VerifyException {
    ElementType type = OnnxTypes.fromOnnx(t.getDataType());
    long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    if (count == 0) {
      return Tensor.allocate(type, shape);
    }
    if (t.getRawData().isEmpty()) {
      throw new VerifyException(false, "the default of '" + t.getName() + "' in " + onnx + " is not stored as raw data; feed its state explicitly");
    }
    ByteBuffer data = ByteBuffer.allocateDirect(t.getRawData().size()).order(ByteOrder.LITTLE_ENDIAN);
    data.put(t.getRawData().asReadOnlyByteBuffer()).flip();
    return Tensor.of(type, shape, data);
  }

  /** An empty tensor of a state input that has no default: every symbolic dimension 0. */
  private static Tensor emptyOf(Path onnx, ModelProto proto, String name) throws VerifyException {
    ValueInfoProto v = proto.getGraph().getInputList().stream().filter(i -> i.getName().equals(name)).findFirst()
        .orElseThrow(() -> new VerifyException(false, onnx + " records the state input '" + name + "' but has no such input"));
    long[] shape = v.getType().getTensorType().getShape().getDimList().stream().mapToLong(d -> d.hasDimValue() ? d.getDimValue() : 0).toArray();
    return Tensor.allocate(OnnxTypes.fromOnnx(v.getType().getTensorType().getElemType()), shape);
  }

  private static final class OnnxSession extends DecoderSession {
    private final Path onnx;
    private final OnnxRuntimeRunner runner;
    private final List<StatefulVerifier.StatePair> pairs;
    private final Map<String, Tensor> defaults;
    private final Map<String, Tensor> state = new LinkedHashMap<>();
    private final List<String> wanted = new ArrayList<>();

    OnnxSession(Path onnx, DecoderInputs inputs, OnnxRuntimeRunner runner, List<StatefulVerifier.StatePair> pairs, Map<String, Tensor> defaults) {
      super(inputs, onnx.toString());
      this.onnx = onnx;
      this.runner = runner;
      this.pairs = pairs;
      this.defaults = defaults;
      this.state.putAll(defaults);
      wanted.add(inputs.name(DecoderInputs.LOGITS));
      pairs.forEach(p -> wanted.add(p.present()));
    }

    @Override
    Step run(Map<String, Tensor> feeds, int step) throws VerifyException {
      Map<String, Tensor> all = new LinkedHashMap<>(feeds);
      all.putAll(state);
      Map<String, Tensor> out;
      try {
        out = runner.run(all, wanted);
      } catch (OrtException e) {
        throw new VerifyException(false, "ONNX Runtime cannot run " + onnx + " at step " + step + ": " + firstLine(e));
      }
      Map<String, Tensor> presents = new LinkedHashMap<>();
      for (StatefulVerifier.StatePair p : pairs) {
        presents.put(p.present(), out.get(p.present()));
        state.put(p.past(), out.get(p.present()));
      }
      return new Step(out.get(wanted.get(0)), presents);
    }

    @Override
    void resetState() {
      state.clear();
      state.putAll(defaults);
    }

    @Override
    public void close() {
      try {
        runner.close();
      } catch (OrtException e) {
        // closing a session fails only if it is already closed
      }
    }
  }

  private static final class OpenVinoSession extends DecoderSession {
    private final Model copy;
    private final CompiledModel compiled;
    private final List<String> inputNames;
    private final List<String> outputNames;
    private final List<String> presents;
    private final Map<String, String> aliases;
    private InferRequest request;

    OpenVinoSession(String what, DecoderInputs inputs, Model copy, CompiledModel compiled, List<String> inputNames, List<String> outputNames,
        List<String> presents, Map<String, String> aliases) throws OpenVinoException {
      super(inputs, what);
      this.copy = copy;
      this.compiled = compiled;
      this.inputNames = inputNames;
      this.outputNames = outputNames;
      this.presents = presents;
      this.aliases = aliases;
      this.request = compiled.createRequest();
    }

    @Override
    Step run(Map<String, Tensor> feeds, int step) throws OpenVinoException {
      for (Map.Entry<String, Tensor> f : feeds.entrySet()) {
        request.setInput(inputNames.indexOf(f.getKey()), f.getValue());
      }
      request.infer();
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (int i = 0; i < request.outputCount(); i++) {
        out.put(outputNames.get(i), request.output(i));
      }
      Map<String, Tensor> state = new LinkedHashMap<>();
      for (String present : presents) {
        state.put(present, out.get(aliases.getOrDefault(present, present)));
      }
      return new Step(out.get(inputs().name(DecoderInputs.LOGITS)), state);
    }

    @Override
    void resetState() throws OpenVinoException {
      request.close();
      request = compiled.createRequest();
    }

    @Override
    public void close() {
      request.close();
      compiled.close();
      copy.close();
    }
  }
}
