package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * PriorBoxClustered: for every cell (h, w) of the feature map, centre ((w + offset) * step_w,
 * (h + offset) * step_h), one box per (width, height) pair, divided by the image size, clipped to
 * [0, 1] if clip. step_w / step_h fall back to step, and when both are 0 to image / feature map
 * size. The table is computed at conversion time (see {@link PriorBoxes}): the feature map and
 * image sizes must be known before inference.
 */
@ConvertsOp(type = "PriorBoxClustered", versions = 1, minOpset = 13,
    notes = "computed into an initializer; the feature map and image sizes must be known before inference")
public final class PriorBoxClusteredConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] sizes = PriorBoxes.sizes(node);
    long layerH = sizes[0];
    long layerW = sizes[1];
    float imgH = sizes[2];
    float imgW = sizes[3];
    float[] widths = PriorBoxes.floats(node, "width");
    float[] heights = PriorBoxes.floats(node, "height");
    if (widths.length != heights.length) {
      throw node.error("has " + widths.length + " widths but " + heights.length + " heights");
    }
    float step = (float) node.floatAttr("step");
    float stepW = (float) node.floatAttr("step_w") == 0 ? step : (float) node.floatAttr("step_w");
    float stepH = (float) node.floatAttr("step_h") == 0 ? step : (float) node.floatAttr("step_h");
    if (stepW == 0 && stepH == 0) {
      stepW = imgW / layerW;
      stepH = imgH / layerH;
    }
    float offset = (float) node.floatAttr("offset");
    boolean clip = node.boolAttr("clip");
    PriorBoxes table = PriorBoxes.of(PriorBoxes.channel(node));
    for (long h = 0; h < layerH; h++) {
      for (long w = 0; w < layerW; w++) {
        float cx = (w + offset) * stepW;
        float cy = (h + offset) * stepH;
        for (int s = 0; s < widths.length; s++) {
          float halfW = widths[s] / 2f;
          float halfH = heights[s] / 2f;
          table.add((cx - halfW) / imgW, (cy - halfH) / imgH, (cx + halfW) / imgW, (cy + halfH) / imgH, false, node);
        }
      }
    }
    table.emit(node, graph, clip, node.floatsAttr("variance"));
  }
}
