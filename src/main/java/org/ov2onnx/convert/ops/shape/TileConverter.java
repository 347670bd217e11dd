package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Tile. ONNX needs one repeat per axis: shorter repeats get leading 1s; longer repeats first give
 * the data leading axes of length 1 (as OpenVINO does). The data's rank and the repeats' length
 * must be static; the repeats may be dynamic.
 */
@ConvertsOp(type = "Tile", versions = 1, notes = "Tile; repeats of another length than the rank are aligned")
public final class TileConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    int count = Tensors.inputLength(node, 1);
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Tile", 0, node.inputType(0));
    String data = c.in(node.input(0));
    String repeats;
    if (node.constantInput(1).isPresent()) {
      long[] given = node.constantInts(1);
      long[] all = new long[Math.max(rank, count)];
      java.util.Arrays.fill(all, 1);
      System.arraycopy(given, 0, all, all.length - count, count);
      repeats = graph.int64s(false, all);
    } else {
      repeats = Tensors.int64Input(node, graph, 1);
      if (count < rank) {
        long[] ones = new long[rank - count];
        java.util.Arrays.fill(ones, 1);
        repeats = graph.addOne(OnnxNode.op("Concat").inputs(graph.int64s(false, ones), repeats).attr("axis", 0L));
      }
    }
    if (count > rank) {
      long[] leading = new long[count - rank];
      for (int i = 0; i < leading.length; i++) {
        leading[i] = i;
      }
      data = Tensors.unsqueeze(graph, data, leading);
    }
    graph.add(OnnxNode.op("Tile").inputs(data, repeats).outputs(c.out(node.output(0))));
    c.done();
  }
}
