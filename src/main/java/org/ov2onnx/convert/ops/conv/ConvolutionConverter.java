package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** Convolution becomes Conv: same weight layout [O, I, k...], strides, dilations, pads, auto_pad. */
@ConvertsOp(type = "Convolution", versions = 1, notes = "Conv; 1D, 2D, 3D; auto_pad same_upper/same_lower become ONNX's SAME_UPPER/SAME_LOWER")
public final class ConvolutionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ForwardConvolution.emit(node, graph, node.input(1), 1, 2);
  }
}
