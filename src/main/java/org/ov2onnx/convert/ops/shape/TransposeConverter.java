package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

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
      int rank = Tensors.inputRank(node, 0);
      long[] perm = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        perm[i] = Tensors.axis(node, order[i], rank);
      }
      t.attr("perm", perm);
    }
    graph.add(t);
  }
}
