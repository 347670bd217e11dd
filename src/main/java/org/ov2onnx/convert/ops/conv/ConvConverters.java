package org.ov2onnx.convert.ops.conv;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * The conv family: Convolution, GroupConvolution, ConvolutionBackpropData, GroupConvolutionBackpropData,
 * BinaryConvolution.
 */
public final class ConvConverters {
  private ConvConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new ConvolutionConverter(),
        new GroupConvolutionConverter(),
        new ConvolutionBackpropDataConverter(),
        new GroupConvolutionBackpropDataConverter(),
        new BinaryConvolutionConverter());
  }
}
