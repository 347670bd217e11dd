package org.ov2onnx.convert.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.spi.GraphRewrite;

/**
 * The graph-level rewrites, in the order they run (earlier ones claim nodes first). Add a rewrite
 * here, and say in docs/CONVERTERS.md what it recognises.
 */
public final class Rewrites {
  private Rewrites() {}

  /** Every rewrite, whatever the options (for documentation). */
  public static List<GraphRewrite> all() {
    return List.of(
        new StateRewrite(), new CompressedWeightsRewrite(ConvertOptions.WeightsFormat.AUTO, false), new Fp16UpcastRewrite(),
        new org.ov2onnx.convert.ops.conv.ConvIntegerRewrite(), new org.ov2onnx.convert.ops.conv.BinaryConvolutionRewrite(),
        new org.ov2onnx.convert.FusionRewrite());
  }

  /** The rewrites that apply under {@code options}, in order. */
  public static List<GraphRewrite> forOptions(ConvertOptions options) {
    List<GraphRewrite> list = new ArrayList<>();
    list.add(new StateRewrite());
    list.add(new CompressedWeightsRewrite(options.weightsFormat(), options.dequantize()));
    if (options.upcastFp16()) {
      list.add(new Fp16UpcastRewrite());
    }
    list.add(new org.ov2onnx.convert.ops.conv.ConvIntegerRewrite());
    list.add(new org.ov2onnx.convert.ops.conv.BinaryConvolutionRewrite());
    list.add(new org.ov2onnx.convert.FusionRewrite());
    return List.copyOf(list);
  }
}
