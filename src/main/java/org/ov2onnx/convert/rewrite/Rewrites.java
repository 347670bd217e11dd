package org.ov2onnx.convert.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;

/**
 * The graph-level rewrites, in the order they run (earlier ones claim nodes first). Add a rewrite
 * here, and say in docs/CONVERTERS.md what it recognises.
 */
public final class Rewrites {
  private Rewrites() {}

  /** Every rewrite, whatever the options (for documentation). */
  public static List<GraphRewrite> all() {
    return List.of(
        new StateRewrite(), new CompressedWeightsRewrite(ConvertOptions.WeightsFormat.AUTO, false, null), new Fp16UpcastRewrite(),
        new org.ov2onnx.convert.ops.conv.ConvIntegerRewrite(), new org.ov2onnx.convert.ops.conv.BinaryConvolutionRewrite(),
        new org.ov2onnx.convert.FusionRewrite());
  }

  /**
   * The rewrites that apply under {@code options} to {@code model}, in order (how compressed
   * weights are written follows the model's provenance, read from its rt_info).
   */
  public static List<GraphRewrite> forOptions(ConvertOptions options, Model model) throws OpenVinoException {
    List<GraphRewrite> list = new ArrayList<>();
    list.add(new StateRewrite());
    String marker = options.weightsFormat() == ConvertOptions.WeightsFormat.AUTO ? CompressedWeightsRewrite.nncfMarker(model) : null;
    list.add(new CompressedWeightsRewrite(options.weightsFormat(), options.dequantize(), marker));
    if (options.upcastFp16()) {
      list.add(new Fp16UpcastRewrite());
    }
    list.add(new org.ov2onnx.convert.ops.conv.ConvIntegerRewrite());
    list.add(new org.ov2onnx.convert.ops.conv.BinaryConvolutionRewrite());
    list.add(new org.ov2onnx.convert.FusionRewrite());
    return List.copyOf(list);
  }
}
