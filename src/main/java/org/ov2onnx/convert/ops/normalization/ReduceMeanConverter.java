package org.ov2onnx.convert.ops.normalization;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ReduceMean becomes ONNX ReduceMean; empty constant axes reduce over nothing, as in OpenVINO. A
 * mean over all spatial axes (2.. of a static rank of at least 3, keeping them) of floats is
 * GlobalAveragePool, which ONNX Runtime runs faster (in its blocked channel layout).
 */
@ConvertsOp(
    type = "ReduceMean",
    versions = 1,
    notes = "ReduceMean (GlobalAveragePool over all spatial axes, kept); run-time axes need opset 18")
public final class ReduceMeanConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (isGlobalAverage(node)) {
      graph.add(OnnxNode.op("GlobalAveragePool").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    Reductions.convertDirectly(node, graph, "ReduceMean");
  }

  private static boolean isGlobalAverage(NodeView node) throws ConversionException {
    ElementType t = node.inputType(0);
    if (!node.boolAttr("keep_dims") || node.inputShape(0).isRankDynamic() || node.inputShape(0).rank() < 3
        || (t != ElementType.F32 && t != ElementType.F16 && t != ElementType.F64)
        || node.constantInput(1).isEmpty()) {
      return false;
    }
    int rank = node.inputShape(0).rank();
    long[] axes = Arrays.stream(node.constantInts(1)).map(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
    return Arrays.equals(axes, LongStream.range(2, rank).toArray());
  }
}
