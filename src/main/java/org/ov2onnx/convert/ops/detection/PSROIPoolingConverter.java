package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * PSROIPooling, mode average (R-FCN's position-sensitive pooling). ROI r = [batch, x1, y1, x2,
 * y2] spans round(x1)·scale .. (round(x2) + 1)·scale (rounding half away from zero), split into
 * G x G bins; bin (i, j) covers rows floor(start + i·bin) .. ceil(start + (i + 1)·bin), both
 * clipped to [0, H], of input channel (c·G + i)·G + j, and gives their mean, or 0 if it is empty
 * (as OpenVINO's CPU plugin does; its reference implementation instead reads the last row or column
 * for bins past the image). As ONNX: the ROIs' images
 * gathered as [R, C_out, G, G, H, W], multiplied by per-ROI row and column masks of every bin,
 * summed over H and W, divided by the bin's cell count. mode bilinear is refused. Needs static H, W.
 */
@ConvertsOp(type = "PSROIPooling", versions = 1, minOpset = 13,
    notes = "Gather + masked ReduceSum / cell count (mode average); mode bilinear is refused; static H, W")
public final class PSROIPoolingConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    if (!mode.equals("average")) {
      throw node.error("mode '" + mode + "' is not converted (only average)");
    }
    long g = node.intAttr("group_size");
    long outDim = node.intAttr("output_dim");
    long[] chw = Detection.staticChw(node, 0);
    Detection.positionSensitiveChannels(node, chw);
    long h = chw[1];
    long w = chw[2];
    String data = Detection.f32Input(node, graph, 0);
    String rois = Detection.f32Input(node, graph, 1);
    String scale = graph.scalar(ElementType.F32, (float) node.floatAttr("spatial_scale"));
    String batch = graph.cast(Detection.slice(graph, rois, 1, 0, 1), ElementType.I64);
    String images = graph.addOne(OnnxNode.op("Gather").inputs(data,
        graph.addOne(OnnxNode.op("Reshape").inputs(batch, graph.int64s(false, -1)))).attr("axis", 0L));
    images = graph.addOne(OnnxNode.op("Reshape").inputs(images, graph.int64s(false, -1, outDim, g, g, h, w)));
    // [R, G, H] rows of each bin, [R, G, W] columns of each bin
    String[] rows = binMask(graph, rois, scale, 2, g, h);
    String[] cols = binMask(graph, rois, scale, 1, g, w);
    String rowMask = graph.addOne(OnnxNode.op("Unsqueeze").inputs(rows[0], graph.int64s(false, 1, 3, 5)));
    String colMask = graph.addOne(OnnxNode.op("Unsqueeze").inputs(cols[0], graph.int64s(false, 1, 2, 4)));
    String masked = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Mul").inputs(images, rowMask)), colMask));
    String sum = graph.addOne(OnnxNode.op("ReduceSum").inputs(masked, graph.int64s(false, 4, 5)).attr("keepdims", 0L));
    // cell counts [R, 1, G, G]
    String count = graph.addOne(OnnxNode.op("Mul").inputs(
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(rows[1], graph.int64s(false, 1, 3))),
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(cols[1], graph.int64s(false, 1, 2)))));
    // an empty bin sums to 0; dividing by at least 1 keeps it 0
    count = graph.addOne(OnnxNode.op("Max").inputs(count, graph.scalar(ElementType.F32, 1)));
    Detection.emit(node, graph, 0, graph.addOne(OnnxNode.op("Div").inputs(sum, count)), ElementType.F32);
  }

  /**
   * For the ROI coordinates in columns {@code at} and {@code at + 2} of the ROIs: the f32 mask
   * [R, G, size] of the cells of each of the G bins, and the bins' cell counts [R, G].
   */
  private static String[] binMask(GraphBuilder graph, String rois, String scale, long at, long g, long size)
      throws ConversionException {
    String start = graph.addOne(OnnxNode.op("Mul").inputs(Detection.roundHalfAway(graph, Detection.slice(graph, rois, 1, at, at + 1)), scale));
    String endPlusOne = graph.addOne(OnnxNode.op("Add").inputs(
        Detection.roundHalfAway(graph, Detection.slice(graph, rois, 1, at + 2, at + 3)), graph.scalar(ElementType.F32, 1)));
    String end = graph.addOne(OnnxNode.op("Mul").inputs(endPlusOne, scale));
    String bin = graph.addOne(OnnxNode.op("Div").inputs(graph.addOne(OnnxNode.op("Sub").inputs(end, start)),
        graph.scalar(ElementType.F32, g)));
    double[] lows = new double[(int) g];
    double[] highs = new double[(int) g];
    for (int i = 0; i < g; i++) {
      lows[i] = i;
      highs[i] = i + 1;
    }
    String first = clamp(graph, graph.addOne(OnnxNode.op("Floor").inputs(edge(graph, start, bin, lows))), size);
    String last = clamp(graph, graph.addOne(OnnxNode.op("Ceil").inputs(edge(graph, start, bin, highs))), size);
    double[] cells = new double[(int) size];
    for (int i = 0; i < size; i++) {
      cells[i] = i;
    }
    String index = graph.constant(ElementType.F32, new long[] {size}, cells);
    String from = graph.addOne(OnnxNode.op("GreaterOrEqual").inputs(index,
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(first, graph.int64s(false, 2)))));
    String to = graph.addOne(OnnxNode.op("Less").inputs(index,
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(last, graph.int64s(false, 2)))));
    String mask = graph.cast(graph.addOne(OnnxNode.op("And").inputs(from, to)), ElementType.F32);
    String count = graph.addOne(OnnxNode.op("Max").inputs(graph.addOne(OnnxNode.op("Sub").inputs(last, first)),
        graph.scalar(ElementType.F32, 0)));
    return new String[] {mask, count};
  }

  private static String clamp(GraphBuilder graph, String v, long size) throws ConversionException {
    return graph.addOne(OnnxNode.op("Clip").inputs(v, graph.scalar(ElementType.F32, 0), graph.scalar(ElementType.F32, size)));
  }

  /** start + k · bin for the constants k: [R, G]. */
  private static String edge(GraphBuilder graph, String start, String bin, double[] k) throws ConversionException {
    String steps = graph.addOne(OnnxNode.op("Mul").inputs(graph.constant(ElementType.F32, new long[] {k.length}, k), bin));
    return graph.addOne(OnnxNode.op("Add").inputs(start, steps));
  }
}
