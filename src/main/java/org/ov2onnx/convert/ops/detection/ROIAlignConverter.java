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
 * 0.5) is half_pixel over the ROIs shifted by 0.5. mode max is refused: OpenVINO takes the largest
 * bilinearly interpolated sample (and at least 0), ONNX Runtime's RoiAlign the largest weighted
 * corner, so ONNX's max RoiAlign does not give OpenVINO's numbers.
 */
@ConvertsOp(type = "ROIAlign", versions = {3, 9}, minOpset = 13,
    notes = "RoiAlign (mode avg); aligned_mode half_pixel_for_nn/half_pixel need opset 16; mode max is refused "
        + "(ONNX Runtime's max RoiAlign pools weighted corners, not interpolated samples)")
public final class ROIAlignConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    if (!mode.equals("avg")) {
      throw node.error("mode '" + mode + "' is not converted: ONNX Runtime's max RoiAlign takes the largest weighted "
          + "corner of each sample, OpenVINO the largest interpolated sample");
    }
    String aligned = node.attributes().containsKey("aligned_mode") ? node.stringAttr("aligned_mode") : "asymmetric";
    if (!aligned.equals("asymmetric") && !aligned.equals("half_pixel_for_nn") && !aligned.equals("half_pixel")) {
      throw node.error("unknown aligned_mode '" + aligned + "'");
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
}
