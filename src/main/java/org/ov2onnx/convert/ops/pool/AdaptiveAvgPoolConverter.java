package org.ov2onnx.convert.ops.pool;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** AdaptiveAvgPool: AveragePool when the windows are regular, else Slice/ReduceMean/Concat (see {@link AdaptiveWindows}). */
@ConvertsOp(
    type = "AdaptiveAvgPool",
    versions = 8,
    notes = "AveragePool (kernel = stride = in/out) or per-axis Slice/ReduceMean/Concat; static spatial lengths, constant output size")
public final class AdaptiveAvgPoolConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] in = AdaptiveWindows.inputLengths(node);
    long[] out = AdaptiveWindows.outputLengths(node, in.length);
    long[] kernel = AdaptiveWindows.regularKernel(in, out);
    if (kernel == null) {
      AdaptiveWindows.sliced(node, graph, "ReduceMean", in, out);
      return;
    }
    graph.add(OnnxNode.op("AveragePool").inputs(node.input(0)).outputs(node.output(0))
        .attr("kernel_shape", kernel).attr("strides", kernel));
  }
}
