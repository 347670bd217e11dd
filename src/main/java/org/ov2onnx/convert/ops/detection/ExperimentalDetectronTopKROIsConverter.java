package org.ov2onnx.convert.ops.detection;

import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.PartialShape;

/**
 * ExperimentalDetectronTopKROIs: the max_rois ROIs of highest probability, in descending order of
 * probability, as TopK over the probabilities and a Gather of the ROI rows. Equal probabilities are
 * ordered by index (OpenVINO leaves their order open). Needs at least max_rois ROIs: with fewer,
 * OpenVINO leaves the remaining rows of its [max_rois, 4] output undefined.
 */
@ConvertsOp(type = "ExperimentalDetectronTopKROIs", versions = 6, minOpset = 13,
    notes = "TopK + Gather; needs a static number of ROIs of at least max_rois")
public final class ExperimentalDetectronTopKROIsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long maxRois = node.intAttr("max_rois");
    PartialShape rois = node.inputShape(0);
    if (rois.isRankDynamic() || rois.rank() != 2 || !rois.dims().get(0).isStatic()
        || rois.dims().get(0).length() < maxRois) {
      throw node.error("needs a static number of ROIs of at least max_rois = " + maxRois + ", got " + rois);
    }
    List<String> top = graph.add(OnnxNode.op("TopK").inputs(node.input(1), graph.int64s(false, maxRois))
        .attr("axis", 0L).attr("largest", 1L).attr("sorted", 1L).outputCount(2));
    graph.add(OnnxNode.op("Gather").inputs(node.input(0), top.get(1)).attr("axis", 0L).outputs(node.output(0)));
  }
}
