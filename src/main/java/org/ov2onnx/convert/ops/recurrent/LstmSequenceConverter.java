package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * LSTMSequence-5: ONNX LSTM (inputs X, H, C, seq_lengths, W, R, B).
 *
 * <p>LSTMSequence-1 is not claimed: OpenVINO 2026.4's IR reader has it in no opset and its frontends
 * make LSTMSequence-5, so no model ov2onnx reads can hold one, and no test could check it.
 */
@ConvertsOp(type = "LSTMSequence", versions = 5, notes = "LSTM between batch-first Transposes; gates f,i,c,o to i,o,f,c; every direction, per-batch lengths (as specified; OpenVINO's CPU ignores them on dynamic shapes), clip, activations")
public final class LstmSequenceConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(true, 0, 1, 2, 3, 4, 5, 6, -1);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.LSTM, PORTS);
  }
}
