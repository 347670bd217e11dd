package org.ov2onnx.convert.ops.detection;

import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * NonMaxSuppression v1, v3, v4, v5, v9 as ONNX NonMaxSuppression. box_encoding corner/center is
 * center_point_box 0/1. Absent optional inputs become OpenVINO's defaults (0) explicitly. Both keep
 * boxes whose score is strictly above score_threshold. OpenVINO's CPU plugin suppresses a box whose
 * IoU with a selected one is at least iou_threshold t, ONNX one whose IoU is strictly greater: a
 * constant t in (0, 1] becomes the next float below it, t above 1 becomes 1 (nothing is
 * suppressed either way), and t at or below 0 (every later box suppressed) becomes 0 with
 * max_output_boxes_per_class capped at 1. A t only known at run time gets the same treatment in the
 * graph (the next float below t is t * (1 - 2^-24) rounded to f32). ONNX lists the
 * selected boxes by batch, class, then score, which is OpenVINO's order for
 * sort_result_descending=false; for true the rows are reordered by score over all batches and
 * classes (GatherND of the scores, TopK, Gather; equal scores keep ONNX's order, which OpenVINO's
 * specification leaves open). The result has one row per selected box, as
 * OpenVINO's CPU plugin returns for every version (the -1 padding to a static size that the
 * v1-v4 specification describes is not produced). v5/v9 selected_scores are [batch, class, score]
 * rows built from the same indices; valid_outputs is their count. Soft-NMS (soft_nms_sigma other
 * than a constant 0) rescales scores step by step, which ONNX's NonMaxSuppression cannot do: refused.
 */
@ConvertsOp(type = "NonMaxSuppression", versions = {1, 3, 4, 5, 9}, minOpset = 13,
    notes = "NonMaxSuppression (+ GatherND/TopK/Gather to sort across batches, Concat for selected_scores); "
        + "one row per selected box as on OpenVINO's CPU plugin (no -1 padding); soft_nms_sigma must be a constant 0; "
        + "IoU >= iou_threshold suppresses, as on OpenVINO's CPU plugin; rows of equal score may come in another order "
        + "than OpenVINO's (its specification leaves that order open)")
public final class NonMaxSuppressionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String encoding = node.stringAttr("box_encoding");
    if (!encoding.equals("corner") && !encoding.equals("center")) {
      throw node.error("unknown box_encoding '" + encoding + "'");
    }
    int inputs = node.inputCount();
    if (inputs > 5) {
      for (double sigma : node.constantDoubles(5)) {
        if (sigma != 0) {
          throw node.error("soft_nms_sigma " + sigma + " (Soft-NMS) has no ONNX form: ONNX's NonMaxSuppression only suppresses");
        }
      }
    }
    String boxes = Detection.f32Input(node, graph, 0);
    String scores = Detection.f32Input(node, graph, 1);
    String maxOut = inputs > 2
        ? (node.inputType(2) == ElementType.I64 ? node.input(2) : graph.cast(node.input(2), ElementType.I64))
        : graph.int64s(false, 0);
    String[] limits = iouLimits(node, graph, maxOut);
    maxOut = limits[0];
    String iou = limits[1];
    String scoreThreshold = inputs > 4 ? Detection.f32Input(node, graph, 4) : graph.scalar(ElementType.F32, 0);
    String selected = graph.addOne(OnnxNode.op("NonMaxSuppression").inputs(boxes, scores, maxOut, iou, scoreThreshold)
        .attr("center_point_box", encoding.equals("center") ? 1L : 0L));
    boolean sort = node.boolAttr("sort_result_descending");
    boolean wantScores = node.outputCount() > 1 && node.outputUsed(1);
    String selectedScores = null;
    if (sort || wantScores) {
      selectedScores = graph.addOne(OnnxNode.op("GatherND").inputs(scores, selected));
    }
    if (sort) {
      String count = graph.addOne(OnnxNode.op("Shape").inputs(selectedScores));
      List<String> top = graph.add(OnnxNode.op("TopK").inputs(selectedScores, count).attr("axis", 0L).attr("largest", 1L)
          .attr("sorted", 1L).outputCount(2));
      selectedScores = top.get(0);
      selected = graph.addOne(OnnxNode.op("Gather").inputs(selected, top.get(1)).attr("axis", 0L));
    }
    Detection.emit(node, graph, 0, selected, ElementType.I64);
    if (wantScores) {
      String batchClass = graph.cast(Detection.slice(graph, selected, 1, 0, 2), ElementType.F32);
      String rows = graph.addOne(OnnxNode.op("Concat")
          .inputs(batchClass, graph.addOne(OnnxNode.op("Unsqueeze").inputs(selectedScores, graph.int64s(false, 1))))
          .attr("axis", 1L));
      Detection.emit(node, graph, 1, rows, ElementType.F32);
    }
    if (node.outputCount() > 2 && node.outputUsed(2)) {
      String count = Detection.slice(graph, graph.addOne(OnnxNode.op("Shape").inputs(selected)), 0, 0, 1);
      Detection.emit(node, graph, 2, count, ElementType.I64);
    }
  }

  /**
   * max_output_boxes_per_class and iou_threshold for ONNX's strict comparison, from OpenVINO's
   * IoU &gt;= t suppression (see the class comment).
   */
  private static String[] iouLimits(NodeView node, GraphBuilder graph, String maxOut) throws ConversionException {
    if (node.inputCount() > 3 && node.constantInput(3).isEmpty()) {
      String t = Detection.f32Input(node, graph, 3);
      String zero = graph.scalar(ElementType.F32, 0);
      // t * (1 - 2^-24), rounded once to f32, is the next float below any positive normal t
      String below = graph.addOne(OnnxNode.op("Mul").inputs(t, graph.scalar(ElementType.F32, 1 - Math.pow(2, -24))));
      String clipped = graph.addOne(OnnxNode.op("Clip").inputs(below, zero, graph.scalar(ElementType.F32, 1)));
      String all = graph.addOne(OnnxNode.op("LessOrEqual").inputs(t, zero));
      String capped = graph.addOne(OnnxNode.op("Min").inputs(maxOut, graph.int64s(false, 1)));
      String reshapedMax = graph.addOne(OnnxNode.op("Reshape").inputs(maxOut, graph.int64s(false, 1)));
      String limit = graph.addOne(OnnxNode.op("Where").inputs(
          graph.addOne(OnnxNode.op("Reshape").inputs(all, graph.int64s(false, 1))), capped, reshapedMax));
      return new String[] {limit, clipped};
    }
    double t = node.inputCount() > 3 ? node.constantDoubles(3)[0] : 0;
    if (t <= 0) {
      String capped = graph.addOne(OnnxNode.op("Min").inputs(
          graph.addOne(OnnxNode.op("Reshape").inputs(maxOut, graph.int64s(false, 1))), graph.int64s(false, 1)));
      return new String[] {capped, graph.scalar(ElementType.F32, 0)};
    }
    double below = t > 1 ? 1 : Math.nextDown((float) t);
    return new String[] {maxOut, graph.scalar(ElementType.F32, below)};
  }
}
