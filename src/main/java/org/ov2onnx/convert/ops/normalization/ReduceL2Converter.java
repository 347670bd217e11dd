package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ReduceL2 becomes ONNX ReduceL2 over constant axes; over run-time axes it becomes Sqrt(ReduceSum(x * x))
 * (ReduceSum takes run-time axes from opset 13, and keeps OpenVINO's |x| for empty axes).
 */
@ConvertsOp(type = "ReduceL2", versions = 4, notes = "ReduceL2; run-time axes: Sqrt(ReduceSum(x*x))")
public final class ReduceL2Converter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertNorm(node, graph, true);
  }
}
