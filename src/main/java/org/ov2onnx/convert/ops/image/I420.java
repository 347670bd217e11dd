package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** I420 (luma, then the U plane, then the V plane at half size; one plane or three) to RGB or BGR. See {@link Yuv}. */
final class I420 {
  private I420() {}

  static void convert(NodeView node, GraphBuilder graph, boolean bgr) throws ConversionException {
    String y;
    String u;
    String v;
    String full;
    if (node.inputCount() == 1) {
      Yuv.SinglePlane p = Yuv.splitSinglePlane(node, graph);
      y = p.y();
      full = Yuv.concat(graph, p.n(), p.h(), p.w(), graph.int64s(false, 1));
      String quarter = graph.addOne(OnnxNode.op("Mul").inputs(Yuv.half(graph, p.h()), Yuv.half(graph, p.w())));
      String flat = graph.addOne(OnnxNode.op("Reshape").inputs(p.chroma(), Yuv.concat(graph, p.n(), graph.int64s(false, -1))));
      String plane = Yuv.concat(graph, p.n(), Yuv.half(graph, p.h()), Yuv.half(graph, p.w()), graph.int64s(false, 1));
      String twoQuarters = graph.addOne(OnnxNode.op("Mul").inputs(quarter, graph.int64s(false, 2)));
      u = graph.addOne(OnnxNode.op("Reshape").inputs(
          graph.addOne(OnnxNode.op("Slice").inputs(flat, graph.int64s(false, 0), quarter, graph.int64s(false, 1))), plane));
      v = graph.addOne(OnnxNode.op("Reshape").inputs(
          graph.addOne(OnnxNode.op("Slice").inputs(flat, quarter, twoQuarters, graph.int64s(false, 1))), plane));
    } else {
      y = Tensors.castIfNeeded(graph, node.input(0), node.inputType(0), ElementType.F32);
      u = Tensors.castIfNeeded(graph, node.input(1), node.inputType(1), ElementType.F32);
      v = Tensors.castIfNeeded(graph, node.input(2), node.inputType(2), ElementType.F32);
      full = graph.addOne(OnnxNode.op("Shape").inputs(y));
    }
    Yuv.toRgb(node, graph, y, Yuv.upsample(graph, u, full), Yuv.upsample(graph, v, full), bgr);
  }
}
