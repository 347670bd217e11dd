package org.ov2onnx.convert.ops.pool;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * AdaptiveMaxPool: MaxPool when the windows are regular, else Slice/ReduceMax/Concat (see {@link
 * AdaptiveWindows}). The indices count within each (batch, channel) plane, so they are MaxPool's
 * flat indices modulo the plane's size; they are refused for irregular windows.
 */
@ConvertsOp(
    type = "AdaptiveMaxPool",
    versions = 8,
    notes = "MaxPool (kernel = stride = in/out) with indices, or per-axis Slice/ReduceMax/Concat without indices; static spatial lengths")
public final class AdaptiveMaxPoolConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] in = AdaptiveWindows.inputLengths(node);
    long[] out = AdaptiveWindows.outputLengths(node, in.length);
    long[] kernel = AdaptiveWindows.regularKernel(in, out);
    boolean indices = node.outputCount() > 1 && node.outputUsed(1);
    if (kernel == null) {
      if (indices) {
        throw node.error("the indices output needs regular windows (each output length dividing its input length)");
      }
      AdaptiveWindows.sliced(node, graph, "ReduceMax", in, out);
      return;
    }
    OnnxNode pool = OnnxNode.op("MaxPool").inputs(node.input(0)).attr("kernel_shape", kernel).attr("strides", kernel);
    if (!indices) {
      graph.add(pool.outputs(node.output(0)));
      return;
    }
    String flat = graph.add(pool.outputs(node.output(0), graph.fresh(node.output(1) + "_flat"))).get(1);
    long plane = 1;
    for (long length : in) {
      plane *= length;
    }
    String within = graph.addOne(OnnxNode.op("Mod").inputs(flat, graph.int64s(true, plane)));
    ElementType type = node.typeAttr("index_element_type");
    graph.add(OnnxNode.op("Cast").inputs(within).outputs(node.output(1)).attr("to", (long) graph.onnxType(type)));
  }
}
