package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ExperimentalDetectronPriorGridGenerator: every prior [x0, y0, x1, y1] shifted to every cell
 * (h, w) of an H x W grid by (step_w (w + 0.5), step_h (h + 0.5)). H and W are the feature map's
 * (the attributes h and w must be 0 or equal to them: OpenVINO shapes its output by the feature map
 * but computes with the attributes); the steps are stride_x and stride_y, or image size / grid size.
 * The shifts are an f32 [H, W, 1, 4] initializer computed as OpenVINO computes them, added to the
 * priors reshaped to [1, 1, P, 4], then flattened to [H W P, 4] if flatten.
 */
@ConvertsOp(type = "ExperimentalDetectronPriorGridGenerator", versions = 6, minOpset = 13,
    notes = "Add of a computed shift grid (+ Reshape); needs a static feature map size (h, w must be 0 or equal to it) "
        + "and the strides known (attributes or a static image size)")
public final class ExperimentalDetectronPriorGridGeneratorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] fm = Detection.staticChw(node, 1);
    long gridH = fm[1];
    long gridW = fm[2];
    if ((node.intAttr("h") != 0 && node.intAttr("h") != gridH) || (node.intAttr("w") != 0 && node.intAttr("w") != gridW)) {
      throw node.error("grid h = " + node.intAttr("h") + ", w = " + node.intAttr("w") + " differs from the feature map's "
          + gridH + " x " + gridW + ": OpenVINO's output shape follows the feature map, its computation the attributes");
    }
    float stepW = (float) node.floatAttr("stride_x");
    float stepH = (float) node.floatAttr("stride_y");
    if (stepW == 0 || stepH == 0) {
      long[] image = Detection.staticChw(node, 2);
      stepW = stepW == 0 ? (float) image[2] / gridW : stepW;
      stepH = stepH == 0 ? (float) image[1] / gridH : stepH;
    }
    double[] shifts = new double[(int) (gridH * gridW * 4)];
    for (int h = 0; h < gridH; h++) {
      for (int w = 0; w < gridW; w++) {
        int i = (int) ((h * gridW + w) * 4);
        float x = stepW * (w + 0.5f);
        float y = stepH * (h + 0.5f);
        shifts[i] = x;
        shifts[i + 1] = y;
        shifts[i + 2] = x;
        shifts[i + 3] = y;
      }
    }
    ElementType type = node.inputType(0);
    String priors = type == ElementType.F32 ? node.input(0) : graph.cast(node.input(0), ElementType.F32);
    String grid = graph.constant(ElementType.F32, new long[] {gridH, gridW, 1, 4}, shifts);
    String shifted = graph.addOne(OnnxNode.op("Add").inputs(
        graph.addOne(OnnxNode.op("Reshape").inputs(priors, graph.int64s(false, 1, 1, -1, 4))), grid));
    if (node.boolAttr("flatten")) {
      shifted = graph.addOne(OnnxNode.op("Reshape").inputs(shifted, graph.int64s(false, -1, 4)));
    }
    Detection.emit(node, graph, 0, shifted, ElementType.F32);
  }
}
