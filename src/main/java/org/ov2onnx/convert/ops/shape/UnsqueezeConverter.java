package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Unsqueeze; the axes stay a tensor (a scalar is made 1-D, other types cast to int64). i4 and u4
 * values go through i16 (ONNX Runtime has no 4-bit Unsqueeze kernel).
 */
@ConvertsOp(type = "Unsqueeze", versions = 1, notes = "Unsqueeze")
public final class UnsqueezeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String axes;
    if (node.constantInput(1).isPresent()) {
      axes = graph.int64s(false, node.constantInts(1));
    } else {
      axes = Tensors.int64Input(node, graph, 1);
      if (Tensors.inputRank(node, 1) == 0) {
        axes = Tensors.toVector(graph, axes);
      }
    }
    OrtKernels.Detour detour = OrtKernels.detour("Unsqueeze", node.inputType(0));
    String out = detour.out(graph, node.output(0));
    graph.add(OnnxNode.op("Unsqueeze").inputs(detour.in(graph, node.input(0)), axes).outputs(out));
    detour.back(graph, out, node.output(0));
  }
}
