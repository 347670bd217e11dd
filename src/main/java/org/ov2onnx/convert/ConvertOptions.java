package org.ov2onnx.convert;

import java.nio.file.Path;
import java.util.List;
import org.ov2onnx.onnx.ExternalData;
import org.ov2onnx.onnx.Progress;

/**
 * How to convert. Build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param weights the weights file (IR .bin), or null for the format's default
 * @param opset the target opset of the default ONNX domain
 * @param inputs overrides of input shapes and types
 * @param externalData when weights go to an external data file
 * @param allowCustomOps keep unsupported operations as nodes of a custom domain
 * @param upcastFp16 fold FP16-compressed weights (f16 Constant → Convert) into f32 initializers
 * @param progress receives progress of long work
 * @param dequantize make quantized operations and compressed weights float (by default they stay quantized)
 * @param weightsFormat how compressed weights are written (see {@link WeightsFormat})
 */
public record ConvertOptions(
    Path weights,
    int opset,
    List<InputSpec> inputs,
    ExternalData externalData,
    boolean allowCustomOps,
    boolean upcastFp16,
    Progress progress,
    boolean dequantize,
    WeightsFormat weightsFormat) {

  /** How NNCF-style compressed weights (integer Constant → Convert → [Subtract] → Multiply) are written. */
  public enum WeightsFormat {
    /**
     * As the source model means them: 8-bit weights as DequantizeLinear when NNCF compressed or
     * quantized the model (its rt_info says so) or the graph quantizes activations (FakeQuantize),
     * else as the IR writes them ({@link #CAST}); 4-bit and f8 weights as DequantizeLinear, 4-bit
     * MatMul weights below opset 21 as MatMulNBits.
     */
    AUTO,
    /** Always DequantizeLinear (4-bit needs opset 21; grouped scales need opset 21's block_size). */
    DQ,
    /**
     * 8-bit (u8/i8) weights as the IR writes them, Cast → [Sub] → Mul over the 8-bit initializer,
     * which ONNX Runtime folds into float weights when it loads the model; others as {@link #AUTO}.
     */
    CAST,
    /** 4-bit weights that feed a MatMul as ONNX Runtime's com.microsoft MatMulNBits; others as DQ. */
    MATMULNBITS,
    /** Decompressed into float initializers. */
    FLOAT
  }

  public ConvertOptions {
    inputs = List.copyOf(inputs);
    if (opset < Converter.MIN_OPSET || opset > Converter.MAX_OPSET) {
      throw new IllegalArgumentException(
          "opset " + opset + " is outside the supported range " + Converter.MIN_OPSET + ".." + Converter.MAX_OPSET);
    }
  }

  public static ConvertOptions defaults() {
    return new ConvertOptions(
        null, Converter.DEFAULT_OPSET, List.of(), ExternalData.AUTO, false, false, Progress.NONE, false, WeightsFormat.AUTO);
  }

  public ConvertOptions withWeights(Path w) {
    return new ConvertOptions(w, opset, inputs, externalData, allowCustomOps, upcastFp16, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withOpset(int o) {
    return new ConvertOptions(weights, o, inputs, externalData, allowCustomOps, upcastFp16, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withInputs(List<InputSpec> i) {
    return new ConvertOptions(weights, opset, i, externalData, allowCustomOps, upcastFp16, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withExternalData(ExternalData e) {
    return new ConvertOptions(weights, opset, inputs, e, allowCustomOps, upcastFp16, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withAllowCustomOps(boolean a) {
    return new ConvertOptions(weights, opset, inputs, externalData, a, upcastFp16, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withUpcastFp16(boolean u) {
    return new ConvertOptions(weights, opset, inputs, externalData, allowCustomOps, u, progress, dequantize, weightsFormat);
  }

  public ConvertOptions withProgress(Progress p) {
    return new ConvertOptions(weights, opset, inputs, externalData, allowCustomOps, upcastFp16, p, dequantize, weightsFormat);
  }

  public ConvertOptions withDequantize(boolean d) {
    return new ConvertOptions(weights, opset, inputs, externalData, allowCustomOps, upcastFp16, progress, d, weightsFormat);
  }

  public ConvertOptions withWeightsFormat(WeightsFormat f) {
    return new ConvertOptions(weights, opset, inputs, externalData, allowCustomOps, upcastFp16, progress, dequantize, f);
  }
}
