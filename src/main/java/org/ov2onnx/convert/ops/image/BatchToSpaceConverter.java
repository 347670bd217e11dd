package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * BatchToSpace, as its spec defines it: Reshape to {@code [B1, ..., Bk, N / (B1 ... Bk), D1, ...,
 * Dk]}; Transpose to {@code [N', D1, B1, ..., Dk, Bk]}; Reshape to {@code [N', D1 * B1, ..., Dk *
 * Bk]}; Slice off crops_begin and crops_end. Sizes, blocks and crops may be dynamic.
 */
@ConvertsOp(type = "BatchToSpace", versions = 2, notes = "Reshape, Transpose, Reshape, Slice")
public final class BatchToSpaceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    BatchBlocks b = new BatchBlocks(node, graph);
    int k = b.rank - 1;
    String shape = b.shapeOf(node.input(0));
    String batch = b.op("Div", b.head(shape), b.volume);
    String dims = b.tail(shape);
    String split = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), b.concat(b.blocks, batch, dims)));
    long[] perm = new long[1 + 2 * k];
    perm[0] = k;
    for (int i = 0; i < k; i++) {
      perm[1 + 2 * i] = k + 1 + i;
      perm[2 + 2 * i] = i;
    }
    String moved = Tensors.transpose(graph, split, perm);
    String full = b.concat(batch, b.op("Mul", dims, b.blocks));
    String joined = graph.addOne(OnnxNode.op("Reshape").inputs(moved, full));
    String begin = Tensors.int64Input(node, graph, 2);
    String end = b.op("Sub", full, Tensors.int64Input(node, graph, 3));
    graph.add(OnnxNode.op("Slice").inputs(joined, begin, end).outputs(node.output(0)));
  }
}
