package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * OpenVINO's ROIAlign sampling as ONNX, for ROIAlign's max mode and ROIAlignRotated: every bin of
 * a PH x PW grid over each ROI holds sr x sr sample points at the centres of its sub-cells; a point
 * with -1 &lt;= x &lt;= W and -1 &lt;= y &lt;= H is read bilinearly with its coordinates clamped
 * to the image (GridSample, align_corners, border padding), any other point gives 0 (a multiplied
 * mask). The samples come out as [R, C, PH·sr, PW·sr], ready for a pooling of window sr.
 */
final class RoiSampling {
  private final NodeView node;
  private final GraphBuilder graph;
  final long pooledH;
  final long pooledW;
  final long sr;

  RoiSampling(NodeView node, GraphBuilder graph) throws ConversionException {
    this.node = node;
    this.graph = graph;
    pooledH = node.intAttr("pooled_h");
    pooledW = node.intAttr("pooled_w");
    sr = node.intAttr("sampling_ratio");
    if (sr <= 0) {
      throw node.error("sampling_ratio " + sr + " (adaptive: each ROI's own number of samples) is not converted; "
          + "only a fixed sampling_ratio is");
    }
  }

  /** Column {@code i} of the f32 ROIs, as [R, 1]. */
  String column(String rois, long i) throws ConversionException {
    return Detection.slice(graph, rois, 1, i, i + 1);
  }

  String op(String type, String... inputs) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(inputs));
  }

  String f32(double v) throws ConversionException {
    return graph.scalar(ElementType.F32, v);
  }

  /**
   * Sample offsets from the ROI's start along one axis, [R, bins·sr]: start + bin·b + (bin / sr)·(s
   * + 0.5) for bin b and sample s, summed in that order as OpenVINO does.
   */
  String samples(String start, String bin, long bins) throws ConversionException {
    double[] whole = new double[(int) (bins * sr)];
    double[] part = new double[whole.length];
    for (int b = 0; b < bins; b++) {
      for (int s = 0; s < sr; s++) {
        whole[(int) (b * sr + s)] = b;
        part[(int) (b * sr + s)] = s + 0.5;
      }
    }
    String distance = op("Div", bin, f32(sr));
    String atBins = op("Add", start, op("Mul", bin, graph.constant(ElementType.F32, new long[] {whole.length}, whole)));
    return op("Add", atBins, op("Mul", distance, graph.constant(ElementType.F32, new long[] {part.length}, part)));
  }

  /**
   * Reads the images of input 0 selected by the batch indices of input 2 at the points (x, y),
   * both [R, PH·sr, PW·sr] f32: [R, C, PH·sr, PW·sr].
   */
  String read(String x, String y) throws ConversionException {
    long[] chw = Detection.sampledChw(node);
    long h = chw[1];
    long w = chw[2];
    String batch = node.inputType(2) == ElementType.I64 ? node.input(2) : graph.cast(node.input(2), ElementType.I64);
    String images = graph.addOne(OnnxNode.op("Gather").inputs(Detection.f32Input(node, graph, 0), batch).attr("axis", 0L));
    String xn = op("Sub", op("Mul", x, f32(2.0 / (w - 1))), f32(1));
    String yn = op("Sub", op("Mul", y, f32(2.0 / (h - 1))), f32(1));
    String grid = graph.addOne(OnnxNode.op("Concat").inputs(op("Unsqueeze", xn, graph.int64s(false, -1)),
        op("Unsqueeze", yn, graph.int64s(false, -1))).attr("axis", -1L));
    String sampled = graph.addOne(OnnxNode.op("GridSample").inputs(images, grid).attr("align_corners", 1L)
        .attr("mode", graph.opset() >= 20 ? "linear" : "bilinear").attr("padding_mode", "border"));
    String inside = op("Mul", within(x, w), within(y, h));
    return op("Mul", sampled, op("Unsqueeze", inside, graph.int64s(false, 1)));
  }

  /** 1 where -1 &lt;= v &lt;= size, else 0, as f32. */
  private String within(String v, long size) throws ConversionException {
    String ok = op("And", op("GreaterOrEqual", v, f32(-1)), op("LessOrEqual", v, f32(size)));
    return graph.cast(ok, ElementType.F32);
  }

  /** An sr x sr pooling (MaxPool or AveragePool) of the samples: [R, C, PH, PW]. */
  String pool(String samples, String type) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(samples).attr("kernel_shape", new long[] {sr, sr})
        .attr("strides", new long[] {sr, sr}));
  }
}
