package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** ConvolutionBackpropData becomes ConvTranspose with explicit pads (see {@link TransposedConvolution}). */
@ConvertsOp(
    type = "ConvolutionBackpropData",
    versions = 1,
    notes = "ConvTranspose with explicit pads; output_shape must be a constant and needs static input and kernel lengths; "
        + "an output_shape beyond the input's reach is zero-padded at the end, as in OpenVINO; negative pads_begin refused")
public final class ConvolutionBackpropDataConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    TransposedConvolution.emit(node, graph, node.input(1), 1, 2);
  }
}
