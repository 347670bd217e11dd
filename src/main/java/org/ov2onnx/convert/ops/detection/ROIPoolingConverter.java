package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ROIPooling (opset 2) with method max as ONNX MaxRoiPool: both round the scaled ROI corners, make
 * malformed ROIs 1x1, split them into floor/ceil bins clipped to the image, and give empty bins 0.
 * The ROI rows are [batch, x1, y1, x2, y2] in both. method bilinear is a GridSample decomposition
 * (see {@link #bilinear}).
 */
@ConvertsOp(type = "ROIPooling", versions = 2, minOpset = 13, notes = "MaxRoiPool (method max); method bilinear as GridSample (opset 16, input height and width above 1)")
public final class ROIPoolingConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String method = node.stringAttr("method");
    if (method.equals("bilinear")) {
      bilinear(node, graph);
      return;
    }
    if (!method.equals("max")) {
      throw node.error("unknown method '" + method + "'");
    }
    ElementType type = node.inputType(0);
    ElementType computed = type == ElementType.BF16 ? ElementType.F32 : type;
    String data = type == computed ? node.input(0) : graph.cast(node.input(0), computed);
    String rois = node.inputType(1) == computed ? node.input(1) : graph.cast(node.input(1), computed);
    String pooled = graph.addOne(OnnxNode.op("MaxRoiPool").inputs(data, rois)
        .attr("pooled_shape", new long[] {node.intAttr("pooled_h"), node.intAttr("pooled_w")})
        .attr("spatial_scale", node.floatAttr("spatial_scale")));
    Detection.emit(node, graph, 0, pooled, computed);
  }

  /**
   * method bilinear: ROI corners normalized to [0, 1]; output cell (i, j) reads the image at y =
   * y1·(H − 1) + i·(y2 − y1)·(H − 1)/(PH − 1) (the last row at y2·(H − 1) exactly, a single row at
   * the middle), x likewise, bilinearly (GridSample, align_corners), or 0 outside [0, H − 1] x [0,
   * W − 1].
   */
  private static void bilinear(NodeView node, GraphBuilder graph) throws ConversionException {
    if (graph.opset() < 16) {
      throw node.error("method bilinear needs GridSample, ONNX opset 16 or later");
    }
    long[] chw = Detection.sampledChw(node);
    long h = chw[1];
    long w = chw[2];
    long ph = node.intAttr("pooled_h");
    long pw = node.intAttr("pooled_w");
    String rois = Detection.f32Input(node, graph, 1);
    String batch = graph.addOne(OnnxNode.op("Reshape").inputs(
        graph.cast(Detection.slice(graph, rois, 1, 0, 1), ElementType.I64), graph.int64s(false, -1)));
    String images = graph.addOne(OnnxNode.op("Gather").inputs(Detection.f32Input(node, graph, 0), batch).attr("axis", 0L));
    String y = points(graph, rois, 2, ph, h);
    String x = points(graph, rois, 1, pw, w);
    String[] grid = new String[2];
    String[] valid = new String[2];
    String[] values = {x, y};
    long[] sizes = {w, h};
    for (int a = 0; a < 2; a++) {
      long size = sizes[a];
      String v = values[a];
      // x as [R, 1, PW], y as [R, PH, 1], expanded to [R, PH, PW]
      String shaped = graph.addOne(OnnxNode.op("Unsqueeze").inputs(v, graph.int64s(false, a == 0 ? 1 : 2)));
      shaped = graph.addOne(OnnxNode.op("Expand").inputs(shaped, graph.int64s(false, 1, a == 0 ? ph : 1, a == 0 ? 1 : pw)));
      String normalized = graph.addOne(OnnxNode.op("Sub").inputs(
          graph.addOne(OnnxNode.op("Mul").inputs(shaped, graph.scalar(ElementType.F32, 2.0 / (size - 1)))),
          graph.scalar(ElementType.F32, 1)));
      grid[a] = graph.addOne(OnnxNode.op("Unsqueeze").inputs(normalized, graph.int64s(false, -1)));
      valid[a] = graph.cast(graph.addOne(OnnxNode.op("And").inputs(
          graph.addOne(OnnxNode.op("GreaterOrEqual").inputs(shaped, graph.scalar(ElementType.F32, 0))),
          graph.addOne(OnnxNode.op("LessOrEqual").inputs(shaped, graph.scalar(ElementType.F32, size - 1))))), ElementType.F32);
    }
    String sampled = graph.addOne(OnnxNode.op("GridSample").inputs(images,
        graph.addOne(OnnxNode.op("Concat").inputs(grid).attr("axis", -1L))).attr("align_corners", 1L)
        .attr("mode", graph.opset() >= 20 ? "linear" : "bilinear").attr("padding_mode", "border"));
    String inside = graph.addOne(OnnxNode.op("Unsqueeze").inputs(
        graph.addOne(OnnxNode.op("Mul").inputs(valid[0], valid[1])), graph.int64s(false, 1)));
    Detection.emit(node, graph, 0, graph.addOne(OnnxNode.op("Mul").inputs(sampled, inside)), ElementType.F32);
  }

  /** The sample coordinates along one axis, [R, pooled], from ROI columns {@code at} and {@code at + 2}. */
  private static String points(GraphBuilder graph, String rois, long at, long pooled, long size) throws ConversionException {
    String start = Detection.slice(graph, rois, 1, at, at + 1);
    String end = Detection.slice(graph, rois, 1, at + 2, at + 3);
    String span = graph.scalar(ElementType.F32, size - 1);
    if (pooled == 1) {
      String middle = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Add").inputs(start, end)),
          graph.scalar(ElementType.F32, 0.5)));
      return graph.addOne(OnnxNode.op("Mul").inputs(middle, span));
    }
    String extent = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Sub").inputs(end, start)), span));
    String step = graph.addOne(OnnxNode.op("Div").inputs(extent, graph.scalar(ElementType.F32, pooled - 1)));
    double[] index = new double[(int) pooled - 1];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    String inner = graph.addOne(OnnxNode.op("Add").inputs(
        graph.addOne(OnnxNode.op("Mul").inputs(graph.constant(ElementType.F32, new long[] {index.length}, index), step)),
        graph.addOne(OnnxNode.op("Mul").inputs(start, span))));
    String last = graph.addOne(OnnxNode.op("Mul").inputs(span, end));
    return graph.addOne(OnnxNode.op("Concat").inputs(inner, last).attr("axis", 1L));
  }
}
