package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ExperimentalDetectronROIFeatureExtractor (FPN ROI pooling): each ROI [x0, y0, x1, y1] of image 0
 * is pooled by ROIAlign (avg, output_size x output_size, sampling_ratio, scale 1 / pyramid_scales[l])
 * from pyramid level l = clamp(floor(2 + log2(sqrt(area) / 224 + 1e-6)), 0, L - 1); ROIs of area
 * &lt;= 0 give zeros. ROI sides are at least 1 and aligned shifts the scaled corners by -0.5, which
 * is ONNX RoiAlign's output_half_pixel mode over ROIs moved by -0.5 · pyramid_scales[l]. As ONNX:
 * one RoiAlign per level over all ROIs, the level of each ROI computed in the graph (Log / ln 2
 * for log2, so a ROI exactly on a level boundary may be rounded to the neighbour level), and a
 * Where per level. Output 1 is the ROIs unchanged.
 */
@ConvertsOp(type = "ExperimentalDetectronROIFeatureExtractor", versions = 6, minOpset = 16,
    notes = "one RoiAlign per pyramid level + Where on the level computed per ROI (log2 as Log / ln 2)")
public final class ExperimentalDetectronROIFeatureExtractorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int levels = node.inputCount() - 1;
    long[] scales = node.intsAttr("pyramid_scales");
    if (scales.length != levels) {
      throw node.error("has " + levels + " feature maps but " + scales.length + " pyramid_scales");
    }
    long size = node.intAttr("output_size");
    boolean aligned = node.boolAttr("aligned");
    String rois = Detection.f32Input(node, graph, 0);
    String width = op(graph, "Sub", Detection.slice(graph, rois, 1, 2, 3), Detection.slice(graph, rois, 1, 0, 1));
    String height = op(graph, "Sub", Detection.slice(graph, rois, 1, 3, 4), Detection.slice(graph, rois, 1, 1, 2));
    String area = graph.addOne(OnnxNode.op("Reshape").inputs(op(graph, "Mul", width, height), graph.int64s(false, -1)));
    String ratio = op(graph, "Add", op(graph, "Div", op(graph, "Sqrt", area), f32(graph, 224)), f32(graph, 1e-6));
    String log2 = op(graph, "Mul", op(graph, "Log", ratio), f32(graph, 1 / Math.log(2)));
    String level = graph.addOne(OnnxNode.op("Clip").inputs(op(graph, "Floor", op(graph, "Add", log2, f32(graph, 2))),
        f32(graph, 0), f32(graph, levels - 1)));
    level = graph.addOne(OnnxNode.op("Where").inputs(op(graph, "Greater", area, f32(graph, 0)), level, f32(graph, levels)));
    // [R, 1, 1, 1] to select whole pooled maps
    level = graph.addOne(OnnxNode.op("Reshape").inputs(level, graph.int64s(false, -1, 1, 1, 1)));
    String zeros = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(graph.addOne(OnnxNode.op("Shape").inputs(area)))
        .attr("value", new OnnxNode.TensorAttr(ElementType.I64, new long[] {1}, new double[] {0})));
    String result = null;
    for (int l = 0; l < levels; l++) {
      String levelRois = aligned ? op(graph, "Sub", rois, f32(graph, 0.5 * (float) scales[l])) : rois;
      String pooled = graph.addOne(OnnxNode.op("RoiAlign").inputs(Detection.f32Input(node, graph, l + 1), levelRois, zeros)
          .attr("coordinate_transformation_mode", "output_half_pixel").attr("mode", "avg")
          .attr("output_height", size).attr("output_width", size).attr("sampling_ratio", node.intAttr("sampling_ratio"))
          .attr("spatial_scale", 1 / (float) scales[l]));
      String chosen = op(graph, "Equal", level, f32(graph, l));
      result = graph.addOne(OnnxNode.op("Where").inputs(chosen, pooled, result == null ? f32(graph, 0) : result));
    }
    Detection.emit(node, graph, 0, result, ElementType.F32);
    if (node.outputCount() > 1 && node.outputUsed(1)) {
      graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(1)));
    }
  }

  private static String op(GraphBuilder graph, String type, String... inputs) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(inputs));
  }

  private static String f32(GraphBuilder graph, double v) throws ConversionException {
    return graph.scalar(ElementType.F32, v);
  }
}
