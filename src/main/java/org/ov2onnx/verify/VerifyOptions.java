package org.ov2onnx.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.openvino.ElementType;

/**
 * How to verify.
 *
 * @param weights the original's weights file, or null
 * @param device where the original runs (reference mode unless a precision is given)
 * @param seed seed of the random inputs
 * @param inputs shape/type overrides (fix dynamic dimensions), as for convert
 * @param inputData .npy/.npz with the input values, or null for random ones
 * @param ranges value ranges of random inputs, by input name ("" = all inputs)
 * @param atol absolute tolerances by output name ("" = all outputs)
 * @param rtol relative tolerances by output name ("" = all outputs)
 * @param layerwise also compare every intermediate tensor both models have
 * @param scaleTol tolerances relative to each output's scale, by output name ("" = all outputs)
 * @param attribution also run the ONNX model on OpenVINO, to tell a conversion error from a
 *     difference between runtimes
 * @param decoder how a decoder (a stateful LLM) is verified, and when ({@link DecoderVerifier})
 */
public record VerifyOptions(
    Path weights,
    OpenVinoRunner.DeviceSpec device,
    long seed,
    List<InputSpec> inputs,
    Path inputData,
    Map<String, double[]> ranges,
    Map<String, Double> atol,
    Map<String, Double> rtol,
    boolean layerwise,
    Map<String, Double> scaleTol,
    boolean attribution,
    DecoderOptions decoder) {

  public static VerifyOptions defaults() {
    return new VerifyOptions(null, new OpenVinoRunner.DeviceSpec("CPU", null), 2026, List.of(), null, Map.of(), Map.of(), Map.of(), false,
        Map.of(), true, DecoderOptions.defaults());
  }

  public VerifyOptions withLayerwise(boolean l) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, ranges, atol, rtol, l, scaleTol, attribution, decoder);
  }

  public VerifyOptions withWeights(Path w) {
    return new VerifyOptions(w, device, seed, inputs, inputData, ranges, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withInputs(List<InputSpec> i) {
    return new VerifyOptions(weights, device, seed, i, inputData, ranges, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withInputData(Path p) {
    return new VerifyOptions(weights, device, seed, inputs, p, ranges, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  /** Per-element tolerances; an output given either one is checked per element only, unless {@link #withScaleTolerances} says otherwise. */
  public VerifyOptions withTolerances(Map<String, Double> a, Map<String, Double> r) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, ranges, a, r, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withScaleTolerances(Map<String, Double> s) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, ranges, atol, rtol, layerwise, s, attribution, decoder);
  }

  public VerifyOptions withAttribution(boolean a) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, ranges, atol, rtol, layerwise, scaleTol, a, decoder);
  }

  public VerifyOptions withDevice(OpenVinoRunner.DeviceSpec d) {
    return new VerifyOptions(weights, d, seed, inputs, inputData, ranges, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withSeed(long s) {
    return new VerifyOptions(weights, device, s, inputs, inputData, ranges, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withRanges(Map<String, double[]> r) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, r, atol, rtol, layerwise, scaleTol, attribution, decoder);
  }

  public VerifyOptions withDecoder(DecoderOptions d) {
    return new VerifyOptions(weights, device, seed, inputs, inputData, ranges, atol, rtol, layerwise, scaleTol, attribution, d);
  }

  /**
   * The tolerance of one output: its own, else the global one, else the type's default. Who
   * asks for an atol or rtol asks for that per-element check: the scale term then defaults to 0
   * for that output, unless a scale tolerance is given too.
   */
  Tolerance toleranceFor(String output, ElementType type) {
    Tolerance d = Tolerance.defaultFor(type);
    boolean explicit = atol.containsKey(output) || atol.containsKey("") || rtol.containsKey(output) || rtol.containsKey("");
    double a = atol.getOrDefault(output, atol.getOrDefault("", d.atol()));
    double r = rtol.getOrDefault(output, rtol.getOrDefault("", d.rtol()));
    double s = scaleTol.getOrDefault(output, scaleTol.getOrDefault("", explicit ? 0 : d.scaleTol()));
    return new Tolerance(a, r, s);
  }
}
