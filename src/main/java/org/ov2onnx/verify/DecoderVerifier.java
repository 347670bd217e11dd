package org.ov2onnx.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;

/**
 * Verification of a decoder (a stateful LLM): a prefill of a prompt, then decode steps of one
 * token each, as generation runs it, instead of random inputs (which a decoder cannot take: its
 * attention mask must cover the cache and its positions follow it).
 *
 * <p>The original runs on one OpenVINO infer request, its KV cache kept inside; the converted
 * model on ONNX Runtime, each {@code present.V} fed back as the next {@code past.V} and the first
 * step feeding each {@code past.V} its default (see {@link DecoderSession}). Each step compares the
 * logits and each {@code present.V} (against what OpenVINO's Assign stores) with the tolerances of
 * any output, and the greedy token (argmax of the last position's logits) of both sides. The next
 * step feeds OpenVINO's greedy token to both, so that one difference does not cascade. The
 * attention mask is all ones over the cache and the new tokens, positions continue the cache, and
 * {@code beam_idx} keeps each row (0 for the batch of 1).
 */
public final class DecoderVerifier {
  private DecoderVerifier() {}

  /** Verifies {@code onnx} against {@code model} as a decoder, with {@link VerifyOptions#defaults()} and these decoder options. */
  public static VerifyReport verify(Path model, Path onnx, DecoderOptions decoder) throws VerifyException, OpenVinoException, IOException {
    return verify(model, onnx, VerifyOptions.defaults().withDecoder(decoder));
  }

  /** Verifies {@code onnx} against {@code model} as a decoder (whatever {@code options.decoder().mode()} says). */
  public static VerifyReport verify(Path model, Path onnx, VerifyOptions options) throws VerifyException, OpenVinoException, IOException {
    return Verifier.verify(model, onnx, options.withDecoder(options.decoder().withMode(DecoderOptions.Mode.ON)));
  }

  /** Whether {@link Verifier} runs {@code model} as a decoder under these options. */
  static boolean applies(Model model, VerifyOptions options) throws OpenVinoException {
    return (options.inputData() == null || options.decoder().mode() == DecoderOptions.Mode.ON) && appliesTo(model, options.decoder());
  }

  /**
   * Whether {@code model} runs as a decoder under {@code d}: always in mode ON, never in mode OFF,
   * in mode AUTO when it is stateful and has the input named as {@code input_ids}.
   */
  public static boolean appliesTo(Model model, DecoderOptions d) throws OpenVinoException {
    return switch (d.mode()) {
      case ON -> true;
      case OFF -> false;
      // the input names first: they are cheap, the nodes are not
      case AUTO -> DecoderInputs.recognised(model.inputs().stream().map(Port::name).toList(), d.names()) && StatefulVerifier.isStateful(model);
    };
  }

  /** One device against the reference device, as a decoder: per step the logits' metrics, and the tokens. */
  public record DeviceComparison(String device, List<OutputMetrics> metrics, Decoding decoding) {
    public boolean passed() {
      return metrics.stream().allMatch(OutputMetrics::passed) && decoding.tokensMatch();
    }
  }

  /**
   * For {@code compare}: {@code model} as a decoder on each of {@code devices} (one stateful infer
   * request each), against the first: the same prefill and decode steps as {@link #verify}, every
   * device fed the reference's greedy token; the logits compared under {@code tolerance}.
   */
  public static List<DeviceComparison> compareDevices(Core core, Model model, List<OpenVinoRunner.DeviceSpec> devices, DecoderOptions d,
      long seed, Function<ElementType, Tolerance> tolerance, List<String> notes)
      throws VerifyException, OpenVinoException {
    check(d);
    List<DecoderSession> sessions = new ArrayList<>();
    try {
      for (OpenVinoRunner.DeviceSpec device : devices) {
        sessions.add(DecoderSession.openVino(core, model, device, d.names(), List.of(), notes));
      }
      DecoderInputs roles = sessions.get(0).inputs();
      List<Long> prompt = prompt(roles, d, seed);
      List<Run> runs = decode(sessions.get(0), sessions.subList(1, sessions.size()), prompt, d.decodeSteps(), tolerance, tolerance,
          new ArrayList<>(), "prompt");
      List<DeviceComparison> result = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        String device = devices.get(i + 1).toString();
        result.add(new DeviceComparison(device, runs.get(i).metrics(),
            new Decoding(roles.names(), prompt, runs.get(i).steps(), "OpenVINO " + devices.get(0), "OpenVINO " + device)));
      }
      notes.add("decoder: a prefill of " + prompt.size() + " tokens, then " + d.decodeSteps() + " decode steps of one token, greedy, on one"
          + " infer request per device; every device is fed " + devices.get(0) + "'s token");
      return result;
    } finally {
      for (DecoderSession s : sessions) {
        s.close();
      }
    }
  }

  /** The decoder verification (the hook of {@link Verifier#verify}). */
  static VerifyReport verify(Core core, Model model, Path original, Path onnx, VerifyOptions options, List<String> notes)
      throws VerifyException, OpenVinoException, IOException {
    DecoderOptions d = options.decoder();
    check(d);
    if (options.inputData() != null) {
      throw new VerifyException(true, "--input-data does not apply to a decoder: give the prompt with --prompt-tokens (or turn decoder mode off with --no-decoder)");
    }
    ModelProto proto;
    try (InputStream in = Files.newInputStream(onnx)) {
      proto = ModelProto.parseFrom(in);
    }
    List<StatefulVerifier.StatePair> pairs = StatefulVerifier.pairs(proto);
    List<VerifyReport.InputInfo> infos = new ArrayList<>();
    List<OutputMetrics> metrics = new ArrayList<>();
    List<Decoding.Step> steps = new ArrayList<>();
    List<Long> prompt;
    Map<String, String> names;
    String reference = "OpenVINO " + options.device();
    try (DecoderSession ov = DecoderSession.openVino(core, model, options.device(), d.names(), pairs, notes);
        DecoderSession ort = DecoderSession.onnxRuntime(onnx, proto, d.names())) {
      DecoderInputs roles = ov.inputs();
      names = roles.names();
      String logits = roles.name(DecoderInputs.LOGITS);
      if (!logits.equals(ort.inputs().name(DecoderInputs.LOGITS))) {
        throw new VerifyException(false, "the logits of " + original + " are '" + logits + "', of " + onnx + " '"
            + ort.inputs().name(DecoderInputs.LOGITS) + "'");
      }
      prompt = prompt(roles, d, options.seed());
      Run run = decode(ov, List.of(ort), prompt, d.decodeSteps(), t -> options.toleranceFor(logits, t), t -> options.toleranceFor("", t),
          infos, d.promptTokens() != null ? "prompt" : "prompt, random, seed " + options.seed()).get(0);
      metrics.addAll(run.metrics());
      steps.addAll(run.steps());
      notes.add("decoder: a prefill of " + prompt.size() + " tokens, then " + d.decodeSteps() + " decode steps of one token, greedy; "
          + reference + " on one infer request (its KV cache inside), ONNX Runtime with each present.V fed back as past.V (the prefill feeds"
          + " each past.V its default, the empty cache); both sides are fed OpenVINO's token; attention mask all ones, positions after"
          + " the cache, beam_idx 0" + (pairs.isEmpty() ? "" : "; state variables: " + pairs.size()));
    }
    if (options.layerwise()) {
      notes.add("the layer-wise search does not run on decoders");
    }
    Decoding decoding = new Decoding(names, prompt, steps, reference, "ONNX Runtime");
    return new VerifyReport(original.toString(), onnx.toString(), options.device().toString(), options.seed(), infos, metrics, null, notes,
        Attribution.unavailable("decoders are compared step by step on ONNX Runtime only"), decoding);
  }

  private static void check(DecoderOptions d) throws VerifyException {
    if (d.decodeSteps() < 0) {
      throw new VerifyException(true, "--decode-steps must be at least 0 (got " + d.decodeSteps() + ")");
    }
    if (d.promptTokens() == null && d.promptLength() < 1) {
      throw new VerifyException(true, "--prompt-length must be at least 1 (got " + d.promptLength() + ")");
    }
  }

  /** The prompt: the given tokens (checked against the vocabulary), or seeded random ones. */
  static List<Long> prompt(DecoderInputs roles, DecoderOptions d, long seed) throws VerifyException {
    List<Long> prompt = d.promptTokens() != null ? d.promptTokens() : roles.randomTokens(seed, d.promptLength());
    roles.checkTokens(prompt, "--prompt-tokens");
    return prompt;
  }

  /** What one side gave against the reference: per step the metrics (logits, then state) and the tokens. */
  public record Run(List<OutputMetrics> metrics, List<Decoding.Step> steps) {
    public boolean passed() {
      return metrics.stream().allMatch(OutputMetrics::passed) && steps.stream().allMatch(Decoding.Step::matched);
    }
  }

  /**
   * Runs a prefill of {@code prompt} and {@code decodeSteps} decode steps on {@code reference} and
   * each of {@code others}, all fed the reference's greedy token; compares the logits (and the
   * state both sides return, by name) of each other side with the reference's at every step.
   * Each step's inputs are added to {@code infos}.
   */
  static List<Run> decode(DecoderSession reference, List<DecoderSession> others, List<Long> prompt, int decodeSteps,
      Function<ElementType, Tolerance> logitsTolerance,
      Function<ElementType, Tolerance> stateTolerance, List<VerifyReport.InputInfo> infos,
      String promptSource) throws VerifyException, OpenVinoException {
    DecoderInputs roles = reference.inputs();
    String logits = roles.name(DecoderInputs.LOGITS);
    List<List<OutputMetrics>> metrics = new ArrayList<>();
    List<List<Decoding.Step>> steps = new ArrayList<>();
    others.forEach(o -> {
      metrics.add(new ArrayList<>());
      steps.add(new ArrayList<>());
    });
    long[][] fed = {prompt.stream().mapToLong(Long::longValue).toArray()};
    for (int step = 0; step <= decodeSteps; step++) {
      String name = step == 0 ? "prefill" : "decode " + step;
      for (Map.Entry<String, Tensor> f : roles.feeds(fed, reference.pastLength(), null).entrySet()) {
        infos.add(new VerifyReport.InputInfo(name + "/" + f.getKey(), f.getValue().elementType().ovName(), f.getValue().shape(),
            step == 0 ? promptSource : "greedy token of the step before"));
      }
      DecoderSession.Step expected = reference.step(fed, null);
      double[] e = DecoderInputs.lastPosition(expected.logits(), 0);
      long token = DecoderInputs.argmax(e);
      for (int i = 0; i < others.size(); i++) {
        DecoderSession.Step actual = others.get(i).step(fed, null);
        List<OutputMetrics> m = metrics.get(i);
        m.add(Verifier.compare(name + "/" + logits, expected.logits(), actual.logits(), logitsTolerance.apply(expected.logits().elementType())));
        for (Map.Entry<String, Tensor> s : expected.state().entrySet()) {
          Tensor a = actual.state().get(s.getKey());
          Tolerance t = stateTolerance.apply(s.getValue().elementType());
          m.add(a == null ? OutputMetrics.failed(name + "/" + s.getKey(), s.getValue().elementType(), s.getValue().shape(), t,
              "the other model has no output " + s.getKey()) : Verifier.compare(name + "/" + s.getKey(), s.getValue(), a, t));
        }
        long other = DecoderInputs.argmax(DecoderInputs.lastPosition(actual.logits(), 0));
        steps.get(i).add(new Decoding.Step(name, Arrays.stream(fed[0]).boxed().toList(), token, other, margin(e, (int) token)));
      }
      fed = new long[][] {{token}};
    }
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      runs.add(new Run(metrics.get(i), steps.get(i)));
    }
    return runs;
  }

  /** The reference's top logit minus its second. */
  static double margin(double[] logits, int top) {
    double second = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      if (i != top && logits[i] > second) {
        second = logits[i];
      }
    }
    return logits.length < 2 ? Double.NaN : logits[top] - second;
  }
}
