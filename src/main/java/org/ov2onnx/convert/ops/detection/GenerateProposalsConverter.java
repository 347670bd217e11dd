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
 * GenerateProposals v9, per image of the batch: anchors [H, W, A, 4] moved by the deltas and
 * clipped ({@link Proposals#refine}, offset 1 unless normalized), the pre_nms_count best by score
 * (TopK), those with a side below min_size times the image's scale dropped (score set below
 * NonMaxSuppression's score_threshold), then batched NonMaxSuppression (at most post_nms_count per
 * image; the boxes' far corners moved by the offset so that ONNX's IoU counts pixels as OpenVINO's
 * does). Outputs the selected boxes and scores, image after image, and their count per image. Where
 * OpenVINO's own test also asks the boxes to overlap, ONNX's positive-intersection test can differ
 * for non-normalized boxes less than a pixel apart. nms_eta other than 1 is refused.
 */
@ConvertsOp(type = "GenerateProposals", versions = 9, minOpset = 13,
    notes = "box decoding + TopK + batched NonMaxSuppression + GatherND; static A, H, W; nms_eta 1 only; "
        + "non-normalized boxes less than a pixel apart may be suppressed where OpenVINO keeps them; "
        + "the order among equal scores is open")
public final class GenerateProposalsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.floatAttr("nms_eta") != 1) {
      throw node.error("nms_eta " + node.floatAttr("nms_eta") + " (adaptive NMS threshold) is not converted; only 1 is");
    }
    PartialShape scoresShape = node.inputShape(3);
    PartialShape infoShape = node.inputShape(0);
    if (scoresShape.isRankDynamic() || scoresShape.rank() != 4 || !scoresShape.dims().get(1).isStatic()
        || !scoresShape.dims().get(2).isStatic() || !scoresShape.dims().get(3).isStatic()
        || infoShape.isRankDynamic() || infoShape.rank() != 2 || !infoShape.dims().get(1).isStatic()) {
      throw node.error("needs scores [N, A, H, W] with static A, H, W and im_info [N, 3 or 4], got " + scoresShape + ", " + infoShape);
    }
    long a = scoresShape.dims().get(1).length();
    long hw = scoresShape.dims().get(2).length() * scoresShape.dims().get(3).length();
    long count = a * hw;
    long pre = Math.min(count, node.intAttr("pre_nms_count"));
    long post = node.intAttr("post_nms_count");
    double offset = node.boolAttr("normalized") ? 0 : 1;
    String anchors = op(graph, "Reshape", Detection.f32Input(node, graph, 1), graph.int64s(false, 1, count, 4));
    String deltas = op(graph, "Reshape", Detection.f32Input(node, graph, 2), graph.int64s(false, 0, a, 4, hw));
    deltas = op(graph, "Reshape", graph.addOne(OnnxNode.op("Transpose").inputs(deltas).attr("perm", new long[] {0, 3, 1, 2})),
        graph.int64s(false, 0, count, 4));
    String scores = op(graph, "Reshape", Detection.f32Input(node, graph, 3), graph.int64s(false, 0, a, hw));
    scores = op(graph, "Reshape", graph.addOne(OnnxNode.op("Transpose").inputs(scores).attr("perm", new long[] {0, 2, 1})),
        graph.int64s(false, 0, count));
    String info = op(graph, "Unsqueeze", Detection.f32Input(node, graph, 0), graph.int64s(false, 1));
    String imgH = Detection.slice(graph, info, 2, 0, 1);
    String imgW = Detection.slice(graph, info, 2, 1, 2);
    String scaleH = Detection.slice(graph, info, 2, 2, 3);
    String scaleW = infoShape.dims().get(1).length() > 3 ? Detection.slice(graph, info, 2, 3, 4) : scaleH;
    String[] r = Proposals.refine(graph, anchors, deltas, imgW, imgH, offset);
    String minSize = f32(graph, (float) node.floatAttr("min_size"));
    String alive = op(graph, "And", op(graph, "LessOrEqual", op(graph, "Mul", minSize, scaleW), r[4]),
        op(graph, "LessOrEqual", op(graph, "Mul", minSize, scaleH), r[5]));
    alive = op(graph, "Reshape", alive, graph.int64s(false, 0, count));
    String boxes = graph.addOne(OnnxNode.op("Concat").inputs(r[0], r[1], r[2], r[3]).attr("axis", -1L));
    List<String> top = graph.add(OnnxNode.op("TopK").inputs(scores, graph.int64s(false, pre)).attr("axis", 1L)
        .attr("largest", 1L).attr("sorted", 1L).outputCount(2));
    String topBoxes = graph.addOne(OnnxNode.op("GatherND").inputs(boxes, op(graph, "Unsqueeze", top.get(1), graph.int64s(false, 2)))
        .attr("batch_dims", 1L));
    String topAlive = graph.addOne(OnnxNode.op("GatherElements").inputs(alive, top.get(1)).attr("axis", 1L));
    String lowest = f32(graph, -Float.MAX_VALUE);
    String nmsScores = op(graph, "Unsqueeze", op(graph, "Where", topAlive, top.get(0), lowest), graph.int64s(false, 1));
    String nmsBoxes = offset == 0 ? topBoxes
        : op(graph, "Add", topBoxes, graph.constant(ElementType.F32, new long[] {4}, 0, 0, offset, offset));
    String selected = graph.addOne(OnnxNode.op("NonMaxSuppression").inputs(nmsBoxes, nmsScores, graph.int64s(false, post),
        f32(graph, (float) node.floatAttr("nms_threshold")), lowest));
    String where = graph.addOne(OnnxNode.op("Gather").inputs(selected, graph.int64s(false, 0, 2)).attr("axis", 1L));
    Detection.emit(node, graph, 0, graph.addOne(OnnxNode.op("GatherND").inputs(topBoxes, where)), ElementType.F32);
    Detection.emit(node, graph, 1, graph.addOne(OnnxNode.op("GatherND").inputs(top.get(0), where)), ElementType.F32);
    if (node.outputCount() > 2 && node.outputUsed(2)) {
      String images = Detection.slice(graph, op(graph, "Shape", scores), 0, 0, 1);
      String range = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0),
          op(graph, "Squeeze", images, graph.int64s(false, 0)), graph.int64s(true, 1)));
      String batchOf = Detection.slice(graph, selected, 1, 0, 1);
      String hits = graph.cast(op(graph, "Equal", batchOf, op(graph, "Unsqueeze", range, graph.int64s(false, 0))), ElementType.I64);
      String perImage = graph.addOne(OnnxNode.op("ReduceSum").inputs(hits, graph.int64s(false, 0)).attr("keepdims", 0L));
      Detection.emit(node, graph, 2, perImage, ElementType.I64);
    }
  }

  private static String op(GraphBuilder graph, String type, String... inputs) throws ConversionException {
    return Proposals.op(graph, type, inputs);
  }

  private static String f32(GraphBuilder graph, double v) throws ConversionException {
    return Proposals.f32(graph, v);
  }
}
