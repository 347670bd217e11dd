package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** GRUCell-3: a one-step ONNX GRU (inputs X, H, W, R, B; B has a fourth block with linear_before_reset). */
@ConvertsOp(type = "GRUCell", versions = 3, notes = "GRU, one step; linear_before_reset, clip, activations sigmoid/tanh/relu")
public final class GruCellConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(false, 0, 1, -1, -1, 2, 3, 4, -1);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.GRU, PORTS);
  }
}
