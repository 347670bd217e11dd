package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;

/** The Conv both forward convolutions become: strides, dilations, pads (see {@link Window}), group. */
final class ForwardConvolution {
  private ForwardConvolution() {}

  /**
   * Emits Conv for {@code node} with ONNX-layout weights {@code weights}; the spatial kernel
   * dimensions start at axis {@code kernelAxis} of input 1.
   */
  static void emit(NodeView node, GraphBuilder graph, String weights, long groups, int kernelAxis)
      throws ConversionException {
    int rank = Window.spatialRank(node);
    long[] strides = Window.ints(node, "strides", rank, 1);
    long[] dilations = Window.ints(node, "dilations", rank, 1);
    OnnxNode conv = OnnxNode.op("Conv").inputs(node.input(0), weights).outputs(node.output(0))
        .attr("group", groups)
        .attr("strides", strides)
        .attr("dilations", dilations);
    graph.add(Window.forwardPadding(node, conv, Window.dilatedKernel(node, 1, kernelAxis, dilations), strides, dilations));
  }
}
