package org.ov2onnx.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;

/**
 * Greedy generation, batch 1: a prefill of the prompt, then one token at a time, each the argmax
 * of the last position's logits, until {@code maxNew} tokens or the end-of-sequence token (which
 * is returned as the last token).
 *
 * <p>An {@code .onnx} model runs on ONNX Runtime with its state explicit (each {@code present.V}
 * fed back as {@code past.V}, the first step feeding the defaults: see {@link DecoderSession});
 * any other model (an IR) on one stateful OpenVINO infer request, so that the two can be compared.
 *
 * <pre>{@code
 * try (Generator g = Generator.open(Path.of("llm.onnx"))) {
 *   List<Long> tokens = g.generate(List.of(1L, 2L, 3L), 16, null);
 * }
 * }</pre>
 */
public final class Generator implements AutoCloseable {
  private final DecoderSession session;
  private final Core core;
  private final Model model;
  private final String runtime;

  private Generator(DecoderSession session, Core core, Model model, String runtime) {
    this.session = session;
    this.core = core;
    this.model = model;
    this.runtime = runtime;
  }

  /** Opens {@code model} with the decoder roles recognised by name (on OpenVINO: CPU, reference mode). */
  public static Generator open(Path model) throws VerifyException, OpenVinoException {
    return open(model, null, OpenVinoRunner.DeviceSpec.parse("CPU"), Map.of());
  }

  /**
   * Opens {@code model}: an {@code .onnx} file on ONNX Runtime, anything else on OpenVINO's {@code
   * device} ({@code weights} may be null). {@code names} overrides the decoder roles' names
   * ({@link DecoderInputs#ROLES}).
   */
  public static Generator open(Path model, Path weights, OpenVinoRunner.DeviceSpec device, Map<String, String> names)
      throws VerifyException, OpenVinoException {
    Verifier.requireFile(model, "model");
    if (model.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
      return new Generator(DecoderSession.onnxRuntime(model, names), null, null, "ONNX Runtime");
    }
    Core core = Core.create();
    Model m = null;
    try {
      m = core.readModel(model, weights);
      DecoderSession session = DecoderSession.openVino(core, m, device, names, List.of(), new ArrayList<>());
      return new Generator(session, core, m, "OpenVINO " + device);
    } catch (VerifyException | OpenVinoException | RuntimeException e) {
      if (m != null) {
        m.close();
      }
      core.close();
      throw e;
    }
  }

  /** What runs the model: "ONNX Runtime" or "OpenVINO DEVICE". */
  public String runtime() {
    return runtime;
  }

  /** The decoder roles of the model's inputs and output. */
  public DecoderInputs inputs() {
    return session.inputs();
  }

  /**
   * Generates up to {@code maxNew} tokens after {@code prompt}, greedily, from an empty cache;
   * stops after {@code eos} when it is not null. Returns the new tokens only.
   */
  public List<Long> generate(List<Long> prompt, int maxNew, Long eos) throws VerifyException, OpenVinoException {
    if (maxNew < 1) {
      throw new VerifyException(true, "--max-new must be at least 1 (got " + maxNew + ")");
    }
    session.inputs().checkTokens(prompt, "--tokens");
    if (eos != null && (eos < 0 || (session.inputs().vocabulary() > 0 && eos >= session.inputs().vocabulary()))) {
      throw new VerifyException(true, "--eos: token id " + eos + " is outside the vocabulary (0.." + (session.inputs().vocabulary() - 1) + ")");
    }
    session.reset();
    List<Long> out = new ArrayList<>();
    long[][] fed = {prompt.stream().mapToLong(Long::longValue).toArray()};
    while (true) {
      long token = DecoderInputs.greedy(session.step(fed, null).logits())[0];
      out.add(token);
      if (out.size() >= maxNew || (eos != null && token == eos)) {
        return out;
      }
      fed = new long[][] {{token}};
    }
  }

  @Override
  public void close() throws OpenVinoException {
    try {
      session.close();
    } finally {
      if (model != null) {
        model.close();
      }
      if (core != null) {
        core.close();
      }
    }
  }
}
