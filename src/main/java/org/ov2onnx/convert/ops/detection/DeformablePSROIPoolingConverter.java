package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * DeformablePSROIPooling: ROI [batch, x1, y1, x2, y2] spans round(x1)·scale − 0.5 ..
 * (round(x2) + 1)·scale − 0.5 (sides at least 0.1), split into G x G bins; bin (i, j) of output
 * channel c reads input channel (c·G + i)·G + j, moved by the offsets of its class and part (times
 * trans_std and the ROI's side) when the offsets input is given, at the top-left corners of its
 * spatial_bins_y x spatial_bins_x sub-bins. Corners with -0.5 &lt;= x &lt;= W − 0.5 (and likewise
 * y) are read bilinearly with coordinates clamped to the image (GridSample, border padding, one
 * single-channel image per ROI and input channel); the bin is the mean of those, 0 if none, and ROIs
 * with a negative batch index give 0. Needs static C, H, W (H, W above 1) and offset channels.
 */
@ConvertsOp(type = "DeformablePSROIPooling", versions = 1, minOpset = 16,
    notes = "GridSample per ROI and input channel + masked mean; static C, H, W (above 1) and offset channels")
public final class DeformablePSROIPoolingConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long cOut = node.intAttr("output_dim");
    long g = node.intAttr("group_size");
    long[] chw = Detection.sampledChw(node);
    Detection.positionSensitiveChannels(node, chw);
    long h = chw[1];
    long w = chw[2];
    long binsX = node.intAttr("spatial_bins_x");
    long binsY = node.intAttr("spatial_bins_y");
    String rois = Detection.f32Input(node, graph, 1);
    String scale = f32(graph, (float) node.floatAttr("spatial_scale"));
    String[] offsets = node.inputCount() > 2 ? offsets(node, graph, cOut, g) : null;
    String x = axis(graph, rois, scale, 1, g, binsX, 5, offsets == null ? null : offsets[0], node);
    String y = axis(graph, rois, scale, 2, g, binsY, 4, offsets == null ? null : offsets[1], node);
    // x [R, Cout or 1, ., G, 1, Sx] and y [R, Cout or 1, G, ., Sy, 1] over the full grid
    x = op(graph, "Expand", x, graph.int64s(false, 1, cOut, g, g, binsY, 1));
    y = op(graph, "Expand", y, graph.int64s(false, 1, cOut, g, g, 1, binsX));
    String valid = op(graph, "Mul", inside(graph, x, w), inside(graph, y, h));
    String grid = graph.addOne(OnnxNode.op("Concat").inputs(
        op(graph, "Unsqueeze", normalized(graph, x, w), graph.int64s(false, -1)),
        op(graph, "Unsqueeze", normalized(graph, y, h), graph.int64s(false, -1))).attr("axis", -1L));
    grid = op(graph, "Reshape", grid, graph.int64s(false, -1, binsY, binsX, 2));
    String batch = op(graph, "Reshape", Detection.slice(graph, rois, 1, 0, 1), graph.int64s(false, -1));
    String index = graph.cast(op(graph, "Max", batch, f32(graph, 0)), ElementType.I64);
    String images = graph.addOne(OnnxNode.op("Gather").inputs(Detection.f32Input(node, graph, 0), index).attr("axis", 0L));
    images = op(graph, "Reshape", images, graph.int64s(false, -1, 1, h, w));
    String sampled = graph.addOne(OnnxNode.op("GridSample").inputs(images, grid).attr("align_corners", 1L)
        .attr("mode", graph.opset() >= 20 ? "linear" : "bilinear").attr("padding_mode", "border"));
    sampled = op(graph, "Reshape", sampled, graph.int64s(false, -1, cOut, g, g, binsY, binsX));
    String sum = graph.addOne(OnnxNode.op("ReduceSum").inputs(op(graph, "Mul", sampled, valid), graph.int64s(false, 4, 5))
        .attr("keepdims", 0L));
    String count = graph.addOne(OnnxNode.op("ReduceSum").inputs(valid, graph.int64s(false, 4, 5)).attr("keepdims", 0L));
    String mean = op(graph, "Div", sum, op(graph, "Max", count, f32(graph, 1)));
    String used = graph.cast(op(graph, "GreaterOrEqual", batch, f32(graph, 0)), ElementType.F32);
    mean = op(graph, "Mul", mean, op(graph, "Reshape", used, graph.int64s(false, -1, 1, 1, 1)));
    Detection.emit(node, graph, 0, mean, ElementType.F32);
  }

  /**
   * The sub-bin corners along one axis: [R, Cout, G, G, 1, S] (x, {@code dim} 5) or [R, Cout, G,
   * G, S, 1] (y, {@code dim} 4), from ROI columns {@code at} and {@code at + 2}.
   */
  private static String axis(GraphBuilder graph, String rois, String scale, long at, long g, long bins, int dim,
      String offset, NodeView node) throws ConversionException {
    String half = f32(graph, 0.5);
    String start = op(graph, "Sub", op(graph, "Mul", Detection.roundHalfAway(graph, Detection.slice(graph, rois, 1, at, at + 1)),
        scale), half);
    String end = op(graph, "Sub", op(graph, "Mul", op(graph, "Add",
        Detection.roundHalfAway(graph, Detection.slice(graph, rois, 1, at + 2, at + 3)), f32(graph, 1)), scale), half);
    String size = op(graph, "Max", op(graph, "Sub", end, start), f32(graph, 0.1));
    String[] perRoi = {start, size};
    for (int i = 0; i < 2; i++) {
      perRoi[i] = op(graph, "Reshape", perRoi[i], graph.int64s(false, -1, 1, 1, 1));
    }
    String bin = op(graph, "Div", perRoi[1], f32(graph, g));
    double[] steps = new double[(int) g];
    for (int i = 0; i < g; i++) {
      steps[i] = i;
    }
    long[] along = dim == 5 ? new long[] {1, 1, 1, g} : new long[] {1, 1, g, 1};
    String binStart = op(graph, "Add", perRoi[0], op(graph, "Mul", graph.constant(ElementType.F32, along, steps), bin));
    if (offset != null) {
      String moved = op(graph, "Mul", op(graph, "Mul", offset, f32(graph, (float) node.floatAttr("trans_std"))), perRoi[1]);
      binStart = op(graph, "Add", binStart, moved);
    }
    double[] subs = new double[(int) bins];
    for (int i = 0; i < bins; i++) {
      subs[i] = i;
    }
    long[] subShape = dim == 5 ? new long[] {1, 1, 1, 1, 1, bins} : new long[] {1, 1, 1, 1, bins, 1};
    String sub = op(graph, "Div", bin, f32(graph, bins));
    String corner = op(graph, "Unsqueeze", binStart, graph.int64s(false, 4, 5));
    String subOffsets = op(graph, "Mul", graph.constant(ElementType.F32, subShape, subs),
        op(graph, "Unsqueeze", sub, graph.int64s(false, 4, 5)));
    return op(graph, "Add", corner, subOffsets);
  }

  /** The x and y offsets of every bin of every output channel, [R, Cout, G, G] each. */
  private static String[] offsets(NodeView node, GraphBuilder graph, long cOut, long g) throws ConversionException {
    PartialShape shape = node.inputShape(2);
    if (shape.isRankDynamic() || shape.rank() != 4 || !shape.dims().get(1).isStatic()) {
      throw node.error("needs 4-D offsets with a static channel count, got " + shape);
    }
    long classes = shape.dims().get(1).length() / 2;
    long part = node.intAttr("part_size");
    if (classes < 1 || cOut % classes != 0) {
      throw node.error("output_dim " + cOut + " is not a multiple of the offsets' " + classes + " classes");
    }
    long[] parts = new long[(int) g];
    for (int i = 0; i < g; i++) {
      parts[i] = i * part / g;
    }
    String off = Detection.f32Input(node, graph, 2);
    off = graph.addOne(OnnxNode.op("Gather").inputs(off, graph.int64s(false, parts)).attr("axis", 2L));
    off = graph.addOne(OnnxNode.op("Gather").inputs(off, graph.int64s(false, parts)).attr("axis", 3L));
    off = op(graph, "Reshape", off, graph.int64s(false, -1, classes, 2, g, g));
    long[] classOf = new long[(int) cOut];
    for (int c = 0; c < cOut; c++) {
      classOf[c] = c / (cOut / classes);
    }
    String[] xy = new String[2];
    for (int i = 0; i < 2; i++) {
      String one = op(graph, "Squeeze", Detection.slice(graph, off, 2, i, i + 1), graph.int64s(false, 2));
      xy[i] = graph.addOne(OnnxNode.op("Gather").inputs(one, graph.int64s(false, classOf)).attr("axis", 1L));
    }
    return xy;
  }

  /** 1 where -0.5 &lt;= v &lt;= size - 0.5, else 0, as f32. */
  private static String inside(GraphBuilder graph, String v, long size) throws ConversionException {
    String ok = op(graph, "And", op(graph, "GreaterOrEqual", v, f32(graph, -0.5)), op(graph, "LessOrEqual", v, f32(graph, size - 0.5)));
    return graph.cast(ok, ElementType.F32);
  }

  private static String normalized(GraphBuilder graph, String v, long size) throws ConversionException {
    return op(graph, "Sub", op(graph, "Mul", v, f32(graph, 2.0 / (size - 1))), f32(graph, 1));
  }

  private static String op(GraphBuilder graph, String type, String... inputs) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(inputs));
  }

  private static String f32(GraphBuilder graph, double v) throws ConversionException {
    return graph.scalar(ElementType.F32, v);
  }
}
