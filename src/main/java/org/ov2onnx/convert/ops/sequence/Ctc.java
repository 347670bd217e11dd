package org.ov2onnx.convert.ops.sequence;

import java.util.List;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * Greedy CTC decoding, shared by CTCGreedyDecoder and CTCGreedyDecoderSeqLen. Given the best
 * class per step ({@code [N, T]}, int64) and which steps are valid, a step is kept when it is
 * valid, not blank and (with merging) not equal to the previous step's class (a blank between
 * two equal classes separates them); the kept classes are packed to the left with ScatterElements
 * at their running count (the others all go to a discarded slot T), the rest is -1.
 */
final class Ctc {
  private Ctc() {}

  /** Returns the decoded classes {@code [N, T]} and their counts {@code [N]}, both int64. */
  static List<String> decode(GraphBuilder graph, String best, String valid, String blank, boolean merge) throws ConversionException {
    String keep = graph.addOne(OnnxNode.op("And").inputs(valid,
        graph.addOne(OnnxNode.op("Not").inputs(graph.addOne(OnnxNode.op("Equal").inputs(best, blank))))));
    if (merge) {
      String shape = graph.addOne(OnnxNode.op("Shape").inputs(best));
      String firstShape = graph.addOne(OnnxNode.op("Concat").inputs(
          graph.addOne(OnnxNode.op("Slice").inputs(shape, graph.int64s(false, 0), graph.int64s(false, 1))), graph.int64s(false, 1)).attr("axis", 0L));
      String none = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(firstShape)
          .attr("value", new OnnxNode.TensorAttr(ElementType.I64, new long[] {1}, new double[] {-1})));
      String earlier = graph.addOne(OnnxNode.op("Slice").inputs(best, graph.int64s(false, 0), graph.int64s(false, -1), graph.int64s(false, 1)));
      String previous = graph.addOne(OnnxNode.op("Concat").inputs(none, earlier).attr("axis", 1L));
      String repeated = graph.addOne(OnnxNode.op("Equal").inputs(best, previous));
      keep = graph.addOne(OnnxNode.op("And").inputs(keep, graph.addOne(OnnxNode.op("Not").inputs(repeated))));
    }
    String kept = graph.cast(keep, ElementType.I64);
    String position = graph.addOne(OnnxNode.op("CumSum").inputs(kept, graph.int64s(true, 1)).attr("exclusive", 1L));
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(best));
    String steps = graph.addOne(OnnxNode.op("Slice").inputs(shape, graph.int64s(false, 1), graph.int64s(false, 2)));
    String target = graph.addOne(OnnxNode.op("Where").inputs(keep, position, Tensors.squeeze(graph, steps, 0)));
    String canvasShape = graph.addOne(OnnxNode.op("Add").inputs(shape, graph.int64s(false, 0, 1)));
    String canvas = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(canvasShape)
        .attr("value", new OnnxNode.TensorAttr(ElementType.I64, new long[] {1}, new double[] {-1})));
    String packed = graph.addOne(OnnxNode.op("ScatterElements").inputs(canvas, target, best).attr("axis", 1L));
    String decoded = graph.addOne(OnnxNode.op("Slice").inputs(packed, graph.int64s(false, 0), steps, graph.int64s(false, 1)));
    String counts = graph.addOne(OnnxNode.op("ReduceSum").inputs(kept, graph.int64s(false, 1)).attr("keepdims", 0L));
    return List.of(decoded, counts);
  }
}
