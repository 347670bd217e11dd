package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** NV12 (luma, then interleaved UV at half size; one plane or two) to RGB or BGR. See {@link Yuv}. */
final class Nv12 {
  private Nv12() {}

  static void convert(NodeView node, GraphBuilder graph, boolean bgr) throws ConversionException {
    String y;
    String uv;
    String full;
    if (node.inputCount() == 1) {
      Yuv.SinglePlane p = Yuv.splitSinglePlane(node, graph);
      y = p.y();
      full = Yuv.concat(graph, p.n(), p.h(), p.w(), graph.int64s(false, 1));
      uv = graph.addOne(OnnxNode.op("Reshape").inputs(p.chroma(),
          Yuv.concat(graph, p.n(), Yuv.half(graph, p.h()), Yuv.half(graph, p.w()), graph.int64s(false, 2))));
    } else {
      y = Tensors.castIfNeeded(graph, node.input(0), node.inputType(0), ElementType.F32);
      uv = Tensors.castIfNeeded(graph, node.input(1), node.inputType(1), ElementType.F32);
      full = graph.addOne(OnnxNode.op("Shape").inputs(y));
    }
    String u = graph.addOne(OnnxNode.op("Slice").inputs(uv, graph.int64s(false, 0), graph.int64s(false, 1), graph.int64s(false, 3)));
    String v = graph.addOne(OnnxNode.op("Slice").inputs(uv, graph.int64s(false, 1), graph.int64s(false, 2), graph.int64s(false, 3)));
    Yuv.toRgb(node, graph, y, Yuv.upsample(graph, u, full), Yuv.upsample(graph, v, full), bgr);
  }
}
