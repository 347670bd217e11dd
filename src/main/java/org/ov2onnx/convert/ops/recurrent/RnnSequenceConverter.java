package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** RNNSequence-5: ONNX RNN (inputs X, H, seq_lengths, W, R, B). */
@ConvertsOp(type = "RNNSequence", versions = 5, notes = "RNN between batch-first Transposes; every direction, per-batch lengths (as specified; OpenVINO's CPU ignores them on dynamic shapes), clip, activations")
public final class RnnSequenceConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(true, 0, 1, -1, 2, 3, 4, 5, -1);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.RNN, PORTS);
  }
}
