package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.ops.conv.Window;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * DeformableConvolution v1 and v8 (2-D) as a sampling step and a 1x1 grouped Conv. Kernel tap k =
 * (i, j) of output cell (ho, wo) reads the input of its deformable group at y = ho·sh − ph + i·dh
 * + Δy, x = wo·sw − pw + j·dw + Δx, the offsets Δ being channels 2k (y) and 2k + 1 (x) of the
 * group's block of the offsets input. GridSample (align_corners, coordinates normalized by H − 1
 * and W − 1) reads all taps of all cells at once: [N·G_d, C/G_d, K·Ho, Wo]. OpenVINO's two
 * interpolations: bilinear_interpolation_pad=true takes corners outside the image as 0, which is
 * GridSample's zeros padding; otherwise (v1 always) points with 0 &lt;= x &lt; W and 0 &lt;= y
 * &lt; H are read with corners clamped to the image (GridSample's border padding) and the others
 * give 0 (a multiplied mask). v8's modulation mask multiplies too. The samples, as [N, C·K, Ho, Wo],
 * then go through Conv with the filters reshaped to [C_out, C/group·K, 1, 1] and group groups.
 * Computes in f32; needs static input and output spatial sizes, both greater than 1 in the input.
 */
@ConvertsOp(type = "DeformableConvolution", versions = {1, 8}, minOpset = 16,
    notes = "GridSample (zeros or border padding, masked) + 1x1 grouped Conv, in f32; static spatial sizes, "
        + "input height and width above 1")
public final class DeformableConvolutionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    PartialShape in = node.inputShape(0);
    PartialShape filters = node.inputShape(2);
    PartialShape out = node.outputShape(0);
    if (in.isRankDynamic() || in.rank() != 4) {
      throw node.error("only 2-D deformable convolution is converted, got input " + in);
    }
    long[] chw = Detection.sampledChw(node);
    long c = chw[0];
    long h = chw[1];
    long w = chw[2];
    if (filters.isRankDynamic() || !filters.dims().get(2).isStatic() || !filters.dims().get(3).isStatic()
        || out.isRankDynamic() || !out.dims().get(2).isStatic() || !out.dims().get(3).isStatic()) {
      throw node.error("needs static kernel and output spatial sizes, got filters " + filters + ", output " + out);
    }
    long kh = filters.dims().get(2).length();
    long kw = filters.dims().get(3).length();
    long k = kh * kw;
    long ho = out.dims().get(2).length();
    long wo = out.dims().get(3).length();
    long groups = node.intAttr("group");
    long dg = node.intAttr("deformable_group");
    if (c % dg != 0 || c % groups != 0) {
      throw node.error("input channels " + c + " are not divisible by group " + groups + " and deformable_group " + dg);
    }
    long[] strides = Window.ints(node, "strides", 2, 1);
    long[] dilations = Window.ints(node, "dilations", 2, 1);
    long[][] pads = Window.pads(node, new long[] {(kh - 1) * dilations[0] + 1, (kw - 1) * dilations[1] + 1}, strides);
    boolean zeroPadded = node.attributes().containsKey("bilinear_interpolation_pad")
        && node.boolAttr("bilinear_interpolation_pad");

    // tap positions before the offsets: y [K, Ho, 1], x [K, 1, Wo]
    double[] baseY = new double[(int) (k * ho)];
    double[] baseX = new double[(int) (k * wo)];
    for (int i = 0; i < kh; i++) {
      for (int j = 0; j < kw; j++) {
        int tap = (int) (i * kw + j);
        for (int y = 0; y < ho; y++) {
          baseY[(int) (tap * ho + y)] = y * strides[0] - pads[0][0] + i * dilations[0];
        }
        for (int x = 0; x < wo; x++) {
          baseX[(int) (tap * wo + x)] = x * strides[1] - pads[0][1] + j * dilations[1];
        }
      }
    }
    String data = f32(node, graph, 0);
    // offsets [N, G_d·K·2, Ho, Wo] -> [N, G_d, K, 2, Ho, Wo]
    String offsets = graph.addOne(OnnxNode.op("Reshape").inputs(f32(node, graph, 1), graph.int64s(false, 0, dg, k, 2, ho, wo)));
    String y = graph.addOne(OnnxNode.op("Add").inputs(coordinate(graph, offsets, 0),
        graph.constant(ElementType.F32, new long[] {k, ho, 1}, baseY)));
    String x = graph.addOne(OnnxNode.op("Add").inputs(coordinate(graph, offsets, 1),
        graph.constant(ElementType.F32, new long[] {k, 1, wo}, baseX)));
    String yn = normalized(graph, y, h);
    String xn = normalized(graph, x, w);
    String grid = graph.addOne(OnnxNode.op("Concat").inputs(
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(xn, graph.int64s(false, -1))),
        graph.addOne(OnnxNode.op("Unsqueeze").inputs(yn, graph.int64s(false, -1)))).attr("axis", -1L));
    grid = graph.addOne(OnnxNode.op("Reshape").inputs(grid, graph.int64s(false, -1, k * ho, wo, 2)));
    String images = graph.addOne(OnnxNode.op("Reshape").inputs(data, graph.int64s(false, -1, c / dg, h, w)));
    OnnxNode sample = OnnxNode.op("GridSample").inputs(images, grid).attr("align_corners", 1L)
        .attr("mode", graph.opset() >= 20 ? "linear" : "bilinear").attr("padding_mode", zeroPadded ? "zeros" : "border");
    String sampled = graph.addOne(sample);
    // weights [N, G_d, K, Ho, Wo]: the modulation mask and, with border padding, the in-image test
    String weight = null;
    if (node.inputCount() > 3) {
      weight = graph.addOne(OnnxNode.op("Reshape").inputs(f32(node, graph, 3), graph.int64s(false, 0, dg, k, ho, wo)));
    }
    if (!zeroPadded) {
      String inside = graph.addOne(OnnxNode.op("Mul").inputs(inside(graph, y, h), inside(graph, x, w)));
      weight = weight == null ? inside : graph.addOne(OnnxNode.op("Mul").inputs(weight, inside));
    }
    if (weight != null) {
      weight = graph.addOne(OnnxNode.op("Reshape").inputs(weight, graph.int64s(false, -1, 1, k * ho, wo)));
      sampled = graph.addOne(OnnxNode.op("Mul").inputs(sampled, weight));
    }
    // [N·G_d, C/G_d, K·Ho, Wo] -> [N, C·K, Ho, Wo]
    String columns = graph.addOne(OnnxNode.op("Reshape").inputs(sampled, graph.int64s(false, -1, c * k, ho, wo)));
    String weights = graph.addOne(OnnxNode.op("Reshape").inputs(f32(node, graph, 2), graph.int64s(false, 0, -1, 1, 1)));
    String conv = graph.addOne(OnnxNode.op("Conv").inputs(columns, weights).attr("group", groups)
        .attr("kernel_shape", new long[] {1, 1}));
    Detection.emit(node, graph, 0, conv, ElementType.F32);
  }

  private static String f32(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    return Detection.f32Input(node, graph, i);
  }

  /** Coordinates in [0, size - 1] mapped to GridSample's [-1, 1] (align_corners). */
  private static String normalized(GraphBuilder graph, String v, long size) throws ConversionException {
    String scaled = graph.addOne(OnnxNode.op("Mul").inputs(v, graph.scalar(ElementType.F32, 2.0 / (size - 1))));
    return graph.addOne(OnnxNode.op("Sub").inputs(scaled, graph.scalar(ElementType.F32, 1)));
  }

  /** 1 where 0 &lt;= v &lt; size, else 0, as f32. */
  private static String inside(GraphBuilder graph, String v, long size) throws ConversionException {
    String low = graph.addOne(OnnxNode.op("GreaterOrEqual").inputs(v, graph.scalar(ElementType.F32, 0)));
    String high = graph.addOne(OnnxNode.op("Less").inputs(v, graph.scalar(ElementType.F32, size)));
    return graph.cast(graph.addOne(OnnxNode.op("And").inputs(low, high)), ElementType.F32);
  }

  /** Coordinate {@code which} (0: y, 1: x) of offsets [N, G_d, K, 2, Ho, Wo], as [N, G_d, K, Ho, Wo]. */
  private static String coordinate(GraphBuilder graph, String offsets, long which) throws ConversionException {
    String one = Detection.slice(graph, offsets, 3, which, which + 1);
    return graph.addOne(OnnxNode.op("Squeeze").inputs(one, graph.int64s(false, 3)));
  }
}
