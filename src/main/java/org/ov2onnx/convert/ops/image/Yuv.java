package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * YUV 4:2:0 to RGB or BGR, shared by NV12to* and I420to*: NHWC planes, chroma at half height and
 * width (each chroma sample serves a 2x2 block: Expand of a reshaped view), computed in f32 with
 * OpenVINO's coefficients ({@code c = y - 16, d = u - 128, e = v - 128; R = 1.164c + 1.596e,
 * G = 1.164c - 0.391d - 0.813e, B = 1.164c + 2.018d}), clipped to [0, 255]; u8 output is rounded
 * (half to even) first. Sizes may be dynamic.
 */
final class Yuv {
  private Yuv() {}

  /** The luma plane {@code [N, H, W, 1]} and the chroma planes of a single-plane image {@code [N, 3H/2, W, 1]}. */
  record SinglePlane(String y, String chroma, String n, String h, String w) {}

  static SinglePlane splitSinglePlane(NodeView node, GraphBuilder graph) throws ConversionException {
    String x = Tensors.castIfNeeded(graph, node.input(0), node.inputType(0), ElementType.F32);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(x));
    String n = part(graph, shape, 0);
    String rows = part(graph, shape, 1);
    String w = part(graph, shape, 2);
    String h = graph.addOne(OnnxNode.op("Div").inputs(graph.addOne(OnnxNode.op("Mul").inputs(rows, graph.int64s(false, 2))), graph.int64s(false, 3)));
    String y = graph.addOne(OnnxNode.op("Slice").inputs(x, graph.int64s(false, 0), h, graph.int64s(false, 1)));
    String chroma = graph.addOne(OnnxNode.op("Slice").inputs(x, h, graph.int64s(false, Tensors.END), graph.int64s(false, 1)));
    return new SinglePlane(y, chroma, n, h, w);
  }

  /** Dimension {@code i} of a shape, as a 1-element int64 tensor. */
  static String part(GraphBuilder graph, String shape, long i) throws ConversionException {
    return graph.addOne(OnnxNode.op("Slice").inputs(shape, graph.int64s(false, i), graph.int64s(false, i + 1)));
  }

  static String half(GraphBuilder graph, String v) throws ConversionException {
    return graph.addOne(OnnxNode.op("Div").inputs(v, graph.int64s(false, 2)));
  }

  static String concat(GraphBuilder graph, String... parts) throws ConversionException {
    return graph.addOne(OnnxNode.op("Concat").inputs(parts).attr("axis", 0L));
  }

  /** A chroma plane {@code [N, H/2, W/2, 1]} (f32) spread to {@code [N, H, W, 1]}. */
  static String upsample(GraphBuilder graph, String plane, String full) throws ConversionException {
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(plane));
    String n = part(graph, shape, 0);
    String h = part(graph, shape, 1);
    String w = part(graph, shape, 2);
    String one = graph.int64s(false, 1);
    String two = graph.int64s(false, 2);
    String split = graph.addOne(OnnxNode.op("Reshape").inputs(plane, concat(graph, n, h, one, w, one)));
    String blocks = graph.addOne(OnnxNode.op("Expand").inputs(split, concat(graph, n, h, two, w, two)));
    return graph.addOne(OnnxNode.op("Reshape").inputs(blocks, full));
  }

  /** Writes the node's output 0 from f32 planes {@code y}, {@code u}, {@code v} ({@code [N, H, W, 1]}). */
  static void toRgb(NodeView node, GraphBuilder graph, String y, String u, String v, boolean bgr) throws ConversionException {
    String c = graph.addOne(OnnxNode.op("Sub").inputs(y, graph.scalar(ElementType.F32, 16)));
    String d = graph.addOne(OnnxNode.op("Sub").inputs(u, graph.scalar(ElementType.F32, 128)));
    String e = graph.addOne(OnnxNode.op("Sub").inputs(v, graph.scalar(ElementType.F32, 128)));
    String luma = mul(graph, c, 1.164);
    String r = add(graph, luma, mul(graph, e, 1.596));
    String g = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Sub").inputs(luma, mul(graph, d, 0.391))), mul(graph, e, 0.813)));
    String b = add(graph, luma, mul(graph, d, 2.018));
    String rgb = graph.addOne(OnnxNode.op("Concat").inputs(bgr ? b : r, g, bgr ? r : b).attr("axis", 3L));
    ElementType t = node.outputType(0);
    String value = t == ElementType.F32 ? rgb : graph.addOne(OnnxNode.op("Round").inputs(rgb));
    String clipped = graph.addOne(OnnxNode.op("Clip").inputs(value, graph.scalar(ElementType.F32, 0), graph.scalar(ElementType.F32, 255)));
    OnnxNode out = t == ElementType.F32 ? OnnxNode.op("Identity") : OnnxNode.op("Cast").attr("to", (long) graph.onnxType(t));
    graph.add(out.inputs(clipped).outputs(node.output(0)));
  }

  private static String mul(GraphBuilder graph, String x, double k) throws ConversionException {
    return graph.addOne(OnnxNode.op("Mul").inputs(x, graph.scalar(ElementType.F32, k)));
  }

  private static String add(GraphBuilder graph, String a, String b) throws ConversionException {
    return graph.addOne(OnnxNode.op("Add").inputs(a, b));
  }
}
