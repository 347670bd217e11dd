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
 * The ROI rows are [batch, x1, y1, x2, y2] in both. method bilinear is refused.
 */
@ConvertsOp(type = "ROIPooling", versions = 2, minOpset = 13, notes = "MaxRoiPool (method max); method bilinear is refused")
public final class ROIPoolingConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String method = node.stringAttr("method");
    if (!method.equals("max")) {
      throw node.error("method '" + method + "' is not converted (only max, ONNX MaxRoiPool)");
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
}
