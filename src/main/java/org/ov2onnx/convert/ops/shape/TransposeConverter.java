package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.PartialShape;

/** Transpose with a constant order; an empty order reverses the axes (ONNX's default perm). */
@ConvertsOp(type = "Transpose", versions = 1, notes = "Transpose; the order must be a constant")
public final class TransposeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.constantInput(1).isEmpty()) {
      throw node.error("needs its order (input 1) to be a constant: ONNX's perm is an attribute");
    }
    long[] order = node.constantInts(1);
    OnnxNode t = OnnxNode.op("Transpose").inputs(node.input(0)).outputs(node.output(0));
    if (order.length > 0) {
      int rank = order.length; // OpenVINO requires one order entry per axis, so the rank is known here
      PartialShape in = node.inputShape(0);
      if (!in.isRankDynamic() && in.rank() != rank) {
        throw node.error("has an order of " + rank + " axes for an input of rank " + in.rank());
      }
      long[] perm = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        perm[i] = Tensors.axis(node, order[i], rank);
      }
      t.attr("perm", perm);
    }
    graph.add(t);
  }
}
