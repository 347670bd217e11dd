package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** LSTMCell-1 and -4: a one-step ONNX LSTM (inputs X, H, C, W, R, B, and for v1 P). */
@ConvertsOp(type = "LSTMCell", versions = {1, 4}, notes = "LSTM, one step; gates f,i,c,o to i,o,f,c; v1: P only all-zero, input_forget false, weights_format fico (OpenVINO's CPU ignores all three)")
public final class LstmCellConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(false, 0, 1, 2, -1, 3, 4, 5, 6);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.LSTM, PORTS);
  }
}
