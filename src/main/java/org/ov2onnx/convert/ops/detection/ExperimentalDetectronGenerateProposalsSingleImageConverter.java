package org.ov2onnx.convert.ops.detection;

import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * ExperimentalDetectronGenerateProposalsSingleImage: every anchor (in cell, then anchor order) is
 * moved by its deltas (log sizes capped at log(1000/16), sides with the +1 pixel convention),
 * clipped to the image, and keeps its score only if both sides reach min_size (else 0, but stays a
 * candidate). The pre_nms_count best (TopK) go through NonMaxSuppression (IoU above nms_threshold
 * suppresses; at most post_nms_count), and the selected boxes and scores, padded with zeros to
 * post_nms_count rows, are the outputs. Candidates of equal score (e.g. several of score 0) may be
 * taken in another order than OpenVINO's, whose order is unspecified there. Needs static anchors,
 * H and W.
 */
@ConvertsOp(type = "ExperimentalDetectronGenerateProposalsSingleImage", versions = 6, minOpset = 13,
    notes = "box decoding + TopK + NonMaxSuppression + Gather/Pad; static sizes; the order among equal scores is open")
public final class ExperimentalDetectronGenerateProposalsSingleImageConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    PartialShape scoresShape = node.inputShape(3);
    if (!scoresShape.isStatic() || scoresShape.rank() != 3) {
      throw node.error("needs static scores [A, H, W], got " + scoresShape);
    }
    long a = scoresShape.dims().get(0).length();
    long hw = scoresShape.dims().get(1).length() * scoresShape.dims().get(2).length();
    long count = a * hw;
    long pre = Math.min(count, node.intAttr("pre_nms_count"));
    long post = node.intAttr("post_nms_count");
    String info = Detection.f32Input(node, graph, 0);
    String anchors = op(graph, "Reshape", Detection.f32Input(node, graph, 1), graph.int64s(false, count, 4));
    String deltas = op(graph, "Reshape", Detection.f32Input(node, graph, 2), graph.int64s(false, a, 4, hw));
    deltas = graph.addOne(OnnxNode.op("Transpose").inputs(deltas).attr("perm", new long[] {2, 0, 1}));
    deltas = op(graph, "Reshape", deltas, graph.int64s(false, count, 4));
    String scores = op(graph, "Reshape", Detection.f32Input(node, graph, 3), graph.int64s(false, a, hw));
    scores = op(graph, "Reshape", graph.addOne(OnnxNode.op("Transpose").inputs(scores).attr("perm", new long[] {1, 0})),
        graph.int64s(false, count));
    String imgH = Detection.slice(graph, info, 0, 0, 1);
    String imgW = Detection.slice(graph, info, 0, 1, 2);
    String[] refined = Proposals.refine(graph, anchors, deltas, imgW, imgH, 1);
    String[] corner = {refined[0], refined[1], refined[2], refined[3]};
    String[] sides = {refined[4], refined[5]};
    String minSize = f32(graph, (float) node.floatAttr("min_size"));
    String big = op(graph, "And", op(graph, "LessOrEqual", minSize, sides[0]), op(graph, "LessOrEqual", minSize, sides[1]));
    String kept = op(graph, "Mul", graph.cast(op(graph, "Reshape", big, graph.int64s(false, count)), ElementType.F32), scores);
    String boxes = graph.addOne(OnnxNode.op("Concat").inputs(corner).attr("axis", 1L));
    List<String> top = graph.add(OnnxNode.op("TopK").inputs(kept, graph.int64s(false, pre)).attr("axis", 0L)
        .attr("largest", 1L).attr("sorted", 1L).outputCount(2));
    String topBoxes = graph.addOne(OnnxNode.op("Gather").inputs(boxes, top.get(1)).attr("axis", 0L));
    String selected = graph.addOne(OnnxNode.op("NonMaxSuppression").inputs(
        op(graph, "Unsqueeze", topBoxes, graph.int64s(false, 0)),
        op(graph, "Reshape", top.get(0), graph.int64s(false, 1, 1, pre)),
        graph.int64s(false, post), f32(graph, (float) node.floatAttr("nms_threshold"))));
    String index = op(graph, "Reshape", Detection.slice(graph, selected, 1, 2, 3), graph.int64s(false, -1));
    String missing = op(graph, "Sub", graph.int64s(false, post), op(graph, "Shape", index));
    String[] outputs = {
        graph.addOne(OnnxNode.op("Gather").inputs(topBoxes, index).attr("axis", 0L)),
        graph.addOne(OnnxNode.op("Gather").inputs(top.get(0), index).attr("axis", 0L))};
    for (int i = 0; i < 2; i++) {
      String zero = graph.int64s(false, 0);
      String pads = graph.addOne(OnnxNode.op("Concat").inputs(
          i == 0 ? new String[] {zero, zero, missing, zero} : new String[] {zero, missing}).attr("axis", 0L));
      Detection.emit(node, graph, i, op(graph, "Pad", outputs[i], pads), ElementType.F32);
    }
  }

  private static String op(GraphBuilder graph, String type, String... inputs) throws ConversionException {
    return Proposals.op(graph, type, inputs);
  }

  private static String f32(GraphBuilder graph, double v) throws ConversionException {
    return Proposals.f32(graph, v);
  }
}
