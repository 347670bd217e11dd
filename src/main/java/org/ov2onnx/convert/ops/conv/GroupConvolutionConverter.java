package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * GroupConvolution becomes Conv with group = G; the weights [G, O/G, I/G, k...] are reshaped to
 * ONNX's [O, I/G, k...].
 */
@ConvertsOp(
    type = "GroupConvolution",
    versions = 1,
    notes = "Conv with group; weights reshaped from [G, O/G, I/G, k...] to [O, I/G, k...]; the group count must be static")
public final class GroupConvolutionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long groups = GroupedWeights.groups(node, 1);
    ForwardConvolution.emit(node, graph, GroupedWeights.merged(node, graph, 1), groups, 3);
  }
}
