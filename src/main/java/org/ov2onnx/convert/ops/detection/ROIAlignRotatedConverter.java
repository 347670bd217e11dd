package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ROIAlignRotated: ROI [cx, cy, w, h, angle] (centre shifted by -0.5 after scaling; the angle
 * negated when clockwise_mode). The sample points of its PH x PW bins, laid out from (-w/2, -h/2)
 * in the ROI's own frame, are rotated by the angle and moved to the centre, then read and averaged
 * as in ROIAlign ({@link RoiSampling}: GridSample + AveragePool). Needs a fixed sampling_ratio.
 */
@ConvertsOp(type = "ROIAlignRotated", versions = 15, minOpset = 16,
    notes = "GridSample sampling of the rotated bins + AveragePool; a fixed sampling_ratio, input height and width above 1")
public final class ROIAlignRotatedConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    RoiSampling s = new RoiSampling(node, graph);
    String rois = Detection.f32Input(node, graph, 1);
    String scale = s.f32((float) node.floatAttr("spatial_scale"));
    String cx = s.op("Sub", s.op("Mul", s.column(rois, 0), scale), s.f32(0.5));
    String cy = s.op("Sub", s.op("Mul", s.column(rois, 1), scale), s.f32(0.5));
    String width = s.op("Mul", s.column(rois, 2), scale);
    String height = s.op("Mul", s.column(rois, 3), scale);
    String angle = s.column(rois, 4);
    if (node.boolAttr("clockwise_mode")) {
      angle = s.op("Neg", angle);
    }
    String cos = s.op("Cos", angle);
    String sin = s.op("Sin", angle);
    String half = s.f32(-2);
    String px = s.samples(s.op("Div", width, half), s.op("Div", width, s.f32(s.pooledW)), s.pooledW);
    String py = s.samples(s.op("Div", height, half), s.op("Div", height, s.f32(s.pooledH)), s.pooledH);
    String pxRow = s.op("Unsqueeze", px, graph.int64s(false, 1));
    String pyCol = s.op("Unsqueeze", py, graph.int64s(false, 2));
    String[] frame = {cos, sin, cx, cy};
    for (int i = 0; i < frame.length; i++) {
      frame[i] = s.op("Unsqueeze", frame[i], graph.int64s(false, 2));
    }
    String y = s.op("Add", s.op("Sub", s.op("Mul", pyCol, frame[0]), s.op("Mul", pxRow, frame[1])), frame[3]);
    String x = s.op("Add", s.op("Add", s.op("Mul", pyCol, frame[1]), s.op("Mul", pxRow, frame[0])), frame[2]);
    Detection.emit(node, graph, 0, s.pool(s.read(x, y), "AveragePool"), ElementType.F32);
  }
}
