package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * GroupConvolutionBackpropData becomes ConvTranspose with group = G; the weights [G, C_in/G,
 * C_out/G, k...] are reshaped to ONNX's [C_in, C_out/G, k...].
 */
@ConvertsOp(
    type = "GroupConvolutionBackpropData",
    versions = 1,
    notes = "ConvTranspose with group and explicit pads; weights reshaped to [C_in, C_out/G, k...]; output_shape must be a constant")
public final class GroupConvolutionBackpropDataConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long groups = GroupedWeights.groups(node, 1);
    TransposedConvolution.emit(node, graph, GroupedWeights.merged(node, graph, 1), groups, 3);
  }
}
