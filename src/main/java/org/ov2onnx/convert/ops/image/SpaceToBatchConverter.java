package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * SpaceToBatch, as its spec defines it: zero Pad by pads_begin/pads_end; Reshape to
 * {@code [N, D1/B1, B1, ..., Dk/Bk, Bk]}; Transpose to {@code [B1, ..., Bk, N, D1/B1, ...,
 * Dk/Bk]}; Reshape to {@code [N * B1 * ... * Bk, D1/B1, ..., Dk/Bk]}. Sizes, blocks and pads may
 * be dynamic.
 */
@ConvertsOp(type = "SpaceToBatch", versions = 2, notes = "Pad, Reshape, Transpose, Reshape")
public final class SpaceToBatchConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    BatchBlocks b = new BatchBlocks(node, graph);
    int k = b.rank - 1;
    String pads = b.concat(Tensors.int64Input(node, graph, 2), Tensors.int64Input(node, graph, 3));
    String padded = graph.addOne(OnnxNode.op("Pad").inputs(node.input(0), pads));
    String shape = b.shapeOf(padded);
    String batch = b.head(shape);
    String reduced = b.op("Div", b.tail(shape), b.blocks);
    String split = graph.addOne(OnnxNode.op("Reshape").inputs(padded, b.concat(batch, b.interleave(reduced, b.blocks))));
    long[] perm = new long[1 + 2 * k];
    for (int i = 0; i < k; i++) {
      perm[i] = 2 + 2L * i;
      perm[k + 1 + i] = 1 + 2L * i;
    }
    perm[k] = 0;
    String moved = Tensors.transpose(graph, split, perm);
    graph.add(OnnxNode.op("Reshape").inputs(moved, b.concat(b.op("Mul", batch, b.volume), reduced)).outputs(node.output(0)));
  }
}
