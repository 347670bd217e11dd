package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** RNNCell-3 (which OpenVINO reports as version 1): a one-step ONNX RNN (inputs X, H, W, R, B). */
@ConvertsOp(type = "RNNCell", versions = 1, notes = "RNN, one step; activations sigmoid/tanh/relu, clip")
public final class RnnCellConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(false, 0, 1, -1, -1, 2, 3, 4, -1);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.RNN, PORTS);
  }
}
