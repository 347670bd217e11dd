package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** The Conv both forward convolutions become: strides, dilations, pads (see {@link Window}), group. */
final class ForwardConvolution {
  private ForwardConvolution() {}

  /**
   * Emits Conv for {@code node} with ONNX-layout weights {@code weights}; the spatial kernel
   * dimensions start at axis {@code kernelAxis} of input 1.
   */
  static void emit(NodeView node, GraphBuilder graph, String weights, long groups, int kernelAxis)
      throws ConversionException {
    ElementType t = node.inputType(0);
    if (!Elementwise.FLOATS_NO_BF16.contains(t)) {
      throw node.error("convolves " + t + " values: ONNX Conv (to opset 21) takes only f16, f32 and f64; integer convolutions become"
          + " ConvInteger only as Convert(u8/i8) inputs [minus a zero point]");
    }
    emit(node, graph, OnnxNode.op("Conv").inputs(node.input(0), weights), groups, kernelAxis);
  }

  /** Emits {@code conv} (a Conv or ConvInteger with its inputs) for {@code node}, as {@link #emit}. */
  static void emit(NodeView node, GraphBuilder graph, OnnxNode conv, long groups, int kernelAxis)
      throws ConversionException {
    emit(node, graph, conv, groups, kernelAxis, node.output(0));
  }

  /** {@link #emit(NodeView, GraphBuilder, OnnxNode, long, int)} into the value {@code output}. */
  static void emit(NodeView node, GraphBuilder graph, OnnxNode conv, long groups, int kernelAxis, String output)
      throws ConversionException {
    int rank = Window.spatialRank(node);
    long[] strides = Window.ints(node, "strides", rank, 1);
    long[] dilations = Window.ints(node, "dilations", rank, 1);
    conv.outputs(output)
        .attr("group", groups)
        .attr("strides", strides)
        .attr("dilations", dilations);
    graph.add(Window.forwardPadding(node, conv, Window.dilatedKernel(node, 1, kernelAxis, dilations), strides, dilations));
  }
}
