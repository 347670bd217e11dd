package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ROIAlign v3 and v9 (mode avg) as ONNX RoiAlign. aligned_mode asymmetric (v3's only mode: no
 * pixel shift, ROI sides at least 1) is coordinate_transformation_mode output_half_pixel;
 * half_pixel_for_nn (roi * scale - 0.5) is half_pixel (opset 16); half_pixel ((roi + 0.5) * scale -
 * 0.5) is half_pixel over the ROIs shifted by 0.5. mode max is a decomposition (see {@link #max}).
 */
@ConvertsOp(type = "ROIAlign", versions = {3, 9}, minOpset = 13,
    notes = "RoiAlign (mode avg); aligned_mode half_pixel_for_nn/half_pixel need opset 16; mode max as "
        + "GridSample + MaxPool (opset 16, a fixed sampling_ratio, input height and width above 1)")
public final class ROIAlignConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    String aligned = node.attributes().containsKey("aligned_mode") ? node.stringAttr("aligned_mode") : "asymmetric";
    if (!aligned.equals("asymmetric") && !aligned.equals("half_pixel_for_nn") && !aligned.equals("half_pixel")) {
      throw node.error("unknown aligned_mode '" + aligned + "'");
    }
    if (mode.equals("max")) {
      max(node, graph, aligned);
      return;
    }
    if (!mode.equals("avg")) {
      throw node.error("unknown mode '" + mode + "'");
    }
    if (!aligned.equals("asymmetric") && graph.opset() < 16) {
      throw node.error("aligned_mode " + aligned + " needs RoiAlign's half_pixel mode, ONNX opset 16 or later");
    }
    ElementType type = node.inputType(0);
    ElementType computed = type == ElementType.BF16 ? ElementType.F32 : type;
    String data = type == computed ? node.input(0) : graph.cast(node.input(0), computed);
    String rois = node.inputType(1) == computed ? node.input(1) : graph.cast(node.input(1), computed);
    if (aligned.equals("half_pixel")) {
      rois = graph.addOne(OnnxNode.op("Add").inputs(rois, graph.scalar(computed, 0.5)));
    }
    String batch = node.inputType(2) == ElementType.I64 ? node.input(2) : graph.cast(node.input(2), ElementType.I64);
    OnnxNode op = OnnxNode.op("RoiAlign").inputs(data, rois, batch).attr("mode", "avg")
        .attr("output_height", node.intAttr("pooled_h")).attr("output_width", node.intAttr("pooled_w"))
        .attr("sampling_ratio", node.intAttr("sampling_ratio")).attr("spatial_scale", node.floatAttr("spatial_scale"));
    if (graph.opset() >= 16) {
      op.attr("coordinate_transformation_mode", aligned.equals("asymmetric") ? "output_half_pixel" : "half_pixel");
    }
    Detection.emit(node, graph, 0, graph.addOne(op), computed);
  }

  /**
   * mode max: ONNX Runtime's max RoiAlign takes the largest weighted corner of each sample, OpenVINO
   * the largest bilinearly interpolated sample (and at least 0), so the samples are read with
   * GridSample ({@link RoiSampling}) and pooled with MaxPool, then Max with 0.
   */
  private static void max(NodeView node, GraphBuilder graph, String aligned) throws ConversionException {
    if (graph.opset() < 16) {
      throw node.error("mode max needs GridSample, ONNX opset 16 or later");
    }
    RoiSampling s = new RoiSampling(node, graph);
    String rois = Detection.f32Input(node, graph, 1);
    double shiftIn = aligned.equals("half_pixel") ? 0.5 : 0;
    double shiftOut = aligned.equals("asymmetric") ? 0 : -0.5;
    String scale = s.f32((float) node.floatAttr("spatial_scale"));
    String[] corner = new String[4];
    for (int i = 0; i < 4; i++) {
      corner[i] = s.op("Add", s.op("Mul", s.op("Add", s.column(rois, i), s.f32(shiftIn)), scale), s.f32(shiftOut));
    }
    String width = s.op("Sub", corner[2], corner[0]);
    String height = s.op("Sub", corner[3], corner[1]);
    if (aligned.equals("asymmetric")) {
      width = s.op("Max", width, s.f32(1));
      height = s.op("Max", height, s.f32(1));
    }
    String px = s.samples(corner[0], s.op("Div", width, s.f32(s.pooledW)), s.pooledW);
    String py = s.samples(corner[1], s.op("Div", height, s.f32(s.pooledH)), s.pooledH);
    String x = s.op("Expand", s.op("Unsqueeze", px, graph.int64s(false, 1)), graph.int64s(false, 1, s.pooledH * s.sr, 1));
    String y = s.op("Expand", s.op("Unsqueeze", py, graph.int64s(false, 2)), graph.int64s(false, 1, 1, s.pooledW * s.sr));
    String pooled = s.op("Max", s.pool(s.read(x, y), "MaxPool"), s.f32(0));
    Detection.emit(node, graph, 0, pooled, ElementType.F32);
  }
}
