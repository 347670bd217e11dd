package org.ov2onnx.convert.ops.control;

import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * Loop-5 → ONNX Loop. The trip count (-1 = unbounded) and the execution condition become the
 * Loop's M and cond; the current-iteration and condition special ports are bound to the ONNX
 * body's iteration number and condition output.
 */
@ConvertsOp(
    type = "Loop",
    versions = 5,
    notes = "Loop; body converted recursively; trip count -1 (or any negative count) runs until the condition is false; "
        + "current-iteration and condition ports, back edges, sliced inputs and concatenated outputs as for TensorIterator")
public final class LoopConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    LoopLowering loop = new LoopLowering(node, graph);
    long[] special = node.loopSpecialPorts();
    loop.emit(tripCount(node, graph), condition(node, graph), (int) special[0], (int) special[1]);
  }

  /** The trip count as an int64 scalar, or "" when it is a negative constant (no bound). */
  private static String tripCount(NodeView node, GraphBuilder graph) throws ConversionException {
    Optional<ConstantData> known = node.constantInput(0);
    if (known.isPresent()) {
      long count = node.constantInts(0)[0];
      return count < 0 ? "" : graph.int64s(true, count);
    }
    String count = scalar(node, graph, 0);
    if (node.inputType(0) != ElementType.I64) {
      count = graph.cast(count, ElementType.I64);
    }
    // OpenVINO runs a negative count without bound; ONNX needs a large count for that
    String negative = graph.addOne(OnnxNode.op("Less").inputs(count, graph.int64s(true, 0)));
    return graph.addOne(OnnxNode.op("Where").inputs(negative, graph.int64s(true, Long.MAX_VALUE), count));
  }

  /** The execution condition as a boolean scalar, or "" when it is the constant true. */
  private static String condition(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.constantInput(1).isPresent() && node.constantInts(1)[0] != 0) {
      return "";
    }
    String c = scalar(node, graph, 1);
    return node.inputType(1) == ElementType.BOOLEAN ? c : graph.cast(c, ElementType.BOOLEAN);
  }

  private static String scalar(NodeView node, GraphBuilder graph, int input) throws ConversionException {
    if (!node.inputShape(input).isRankDynamic() && node.inputShape(input).rank() == 0) {
      return node.input(input);
    }
    return graph.addOne(OnnxNode.op("Reshape").inputs(node.input(input), graph.int64s(false)));
  }
}
