package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ReorgYolo (opset 2), Darknet's reorg: the input's memory, read as [N, C/s², H·s, W·s], is
 * written as [N, C, H, W] with channel (dy·s + dx)·C/s² + c taking row h·s + dy, column w·s + dx.
 * As ONNX: Reshape to [N, C/s², H, s, W, s], Transpose (0, 3, 5, 1, 2, 4), Reshape to the output
 * shape [N, C·s², H/s, W/s]. Needs static C, H and W.
 */
@ConvertsOp(type = "ReorgYolo", versions = 2, minOpset = 13, notes = "Reshape/Transpose/Reshape; static C, H, W")
public final class ReorgYoloConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] stride = node.intsAttr("stride");
    long s = stride[0];
    if (stride.length != 1 && (stride.length != 2 || stride[1] != s)) {
      throw node.error("needs one stride for both axes");
    }
    long[] chw = Detection.staticChw(node, 0);
    long c = chw[0];
    long h = chw[1];
    long w = chw[2];
    if (s <= 0 || c % (s * s) != 0 || h % s != 0 || w % s != 0) {
      throw node.error("stride " + s + " does not divide C = " + c + " by its square, H = " + h + " and W = " + w);
    }
    String split = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), graph.int64s(false, 0, c / (s * s), h, s, w, s)));
    String moved = graph.addOne(OnnxNode.op("Transpose").inputs(split).attr("perm", new long[] {0, 3, 5, 1, 2, 4}));
    graph.add(OnnxNode.op("Reshape").inputs(moved, graph.int64s(false, 0, c * s * s, h / s, w / s)).outputs(node.output(0)));
  }
}
