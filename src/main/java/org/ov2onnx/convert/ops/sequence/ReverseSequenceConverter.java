package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ReverseSequence: ONNX ReverseSequence, whose batch and time axes must be 0 and 1 (either way
 * round). Other axes are first transposed to 0 (batch) and 1 (sequence), and back after. The
 * lengths become int64 (a Cast, exact for OpenVINO's integer and whole float lengths).
 */
@ConvertsOp(type = "ReverseSequence", versions = 1, notes = "ReverseSequence (+ Transpose when the axes are not 0 and 1)")
public final class ReverseSequenceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    if (rank < 2) {
      throw node.error("needs an input of rank 2 or more, got " + rank);
    }
    int batch = Tensors.axis(node, node.intAttr("batch_axis"), rank);
    int seq = Tensors.axis(node, node.intAttr("seq_axis"), rank);
    if (batch == seq) {
      throw node.error("batch_axis and seq_axis are both " + batch);
    }
    String lengths = Tensors.int64Input(node, graph, 1);
    if (batch <= 1 && seq <= 1) {
      graph.add(OnnxNode.op("ReverseSequence").inputs(node.input(0), lengths).outputs(node.output(0))
          .attr("batch_axis", (long) batch).attr("time_axis", (long) seq));
      return;
    }
    long[] perm = new long[rank];
    perm[0] = batch;
    perm[1] = seq;
    int next = 2;
    for (int i = 0; i < rank; i++) {
      if (i != batch && i != seq) {
        perm[next++] = i;
      }
    }
    long[] inverse = new long[rank];
    for (int i = 0; i < rank; i++) {
      inverse[(int) perm[i]] = i;
    }
    String moved = Tensors.transpose(graph, node.input(0), perm);
    String reversed = graph.addOne(OnnxNode.op("ReverseSequence").inputs(moved, lengths).attr("batch_axis", 0L).attr("time_axis", 1L));
    graph.add(OnnxNode.op("Transpose").inputs(reversed).outputs(node.output(0)).attr("perm", inverse));
  }
}
