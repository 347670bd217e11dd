package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ReduceL1 becomes ONNX ReduceL1 over constant axes; over run-time axes it becomes ReduceSum(Abs(x))
 * (ReduceSum takes run-time axes from opset 13, and keeps OpenVINO's |x| for empty axes).
 */
@ConvertsOp(type = "ReduceL1", versions = 4, notes = "ReduceL1; run-time axes: ReduceSum(Abs(x))")
public final class ReduceL1Converter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Reductions.convertNorm(node, graph, false);
  }
}
