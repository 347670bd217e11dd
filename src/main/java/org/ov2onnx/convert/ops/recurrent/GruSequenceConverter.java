package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** GRUSequence-5: ONNX GRU (inputs X, H, seq_lengths, W, R, B). */
@ConvertsOp(type = "GRUSequence", versions = 5, notes = "GRU between batch-first Transposes; every direction, per-batch lengths (as specified; OpenVINO's CPU ignores them on dynamic shapes), linear_before_reset, clip, activations")
public final class GruSequenceConverter implements OpConverter {
  private static final Recurrence.Ports PORTS = new Recurrence.Ports(true, 0, 1, -1, 2, 3, 4, 5, -1);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Recurrence.convert(node, graph, Recurrence.Kind.GRU, PORTS);
  }
}
