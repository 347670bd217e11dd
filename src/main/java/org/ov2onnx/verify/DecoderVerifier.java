package org.ov2onnx.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.openvino.Core;
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
    DecoderOptions d = options.decoder();
    return switch (d.mode()) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> options.inputData() == null && StatefulVerifier.isStateful(model)
          && DecoderInputs.recognised(model.inputs().stream().map(Port::name).toList(), d.names());
    };
  }

  /** The decoder verification (the hook of {@link Verifier#verify}). */
  static VerifyReport verify(Core core, Model model, Path original, Path onnx, VerifyOptions options, List<String> notes)
      throws VerifyException, OpenVinoException, IOException {
    DecoderOptions d = options.decoder();
    if (d.decodeSteps() < 0) {
      throw new VerifyException(true, "--decode-steps must be at least 0 (got " + d.decodeSteps() + ")");
    }
    if (d.promptTokens() == null && d.promptLength() < 1) {
      throw new VerifyException(true, "--prompt-length must be at least 1 (got " + d.promptLength() + ")");
    }
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
      prompt = d.promptTokens() != null ? d.promptTokens() : roles.randomTokens(options.seed(), d.promptLength());
      roles.checkTokens(prompt, "--prompt-tokens");
      long[][] fed = {prompt.stream().mapToLong(Long::longValue).toArray()};
      for (int step = 0; step <= d.decodeSteps(); step++) {
        String name = step == 0 ? "prefill" : "decode " + step;
        long past = ov.pastLength();
        for (Map.Entry<String, Tensor> f : roles.feeds(fed, past, null).entrySet()) {
          infos.add(new VerifyReport.InputInfo(name + "/" + f.getKey(), f.getValue().elementType().ovName(), f.getValue().shape(),
              step == 0 ? (d.promptTokens() != null ? "prompt" : "prompt, random, seed " + options.seed()) : "greedy token of the step before"));
        }
        DecoderSession.Step expected = ov.step(fed, null);
        DecoderSession.Step actual = ort.step(fed, null);
        metrics.add(Verifier.compare(name + "/" + logits, expected.logits(), actual.logits(),
            options.toleranceFor(logits, expected.logits().elementType())));
        for (Map.Entry<String, Tensor> s : expected.state().entrySet()) {
          Tensor a = actual.state().get(s.getKey());
          metrics.add(a == null
              ? OutputMetrics.failed(name + "/" + s.getKey(), s.getValue().elementType(), s.getValue().shape(),
                  options.toleranceFor("", s.getValue().elementType()), "the ONNX model has no output " + s.getKey())
              : Verifier.compare(name + "/" + s.getKey(), s.getValue(), a, options.toleranceFor("", s.getValue().elementType())));
        }
        double[] e = DecoderInputs.lastPosition(expected.logits(), 0);
        long token = DecoderInputs.argmax(e);
        long other = DecoderInputs.argmax(DecoderInputs.lastPosition(actual.logits(), 0));
        steps.add(new Decoding.Step(name, Arrays.stream(fed[0]).boxed().toList(), token, other, margin(e, (int) token)));
        fed = new long[][] {{token}};
      }
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
