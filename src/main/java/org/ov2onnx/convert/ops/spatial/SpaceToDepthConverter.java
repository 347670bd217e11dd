package org.ov2onnx.convert.ops.spatial;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * SpaceToDepth: ONNX's SpaceToDepth orders the new channels block offsets first, so 4-D
 * blocks_first maps to it; depth_first and other ranks become Reshape/Transpose/Reshape with
 * static channel and spatial lengths.
 */
@ConvertsOp(
    type = "SpaceToDepth",
    versions = 1,
    notes = "SpaceToDepth for 4-D blocks_first; otherwise Reshape/Transpose/Reshape (static channel and spatial lengths)")
public final class SpaceToDepthConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean blocksFirst = Blocks.blocksFirst(node);
    long b = node.intAttr("block_size");
    if (blocksFirst && !node.inputShape(0).isRankDynamic() && node.inputShape(0).rank() == 4) {
      graph.add(OnnxNode.op("SpaceToDepth").inputs(node.input(0)).outputs(node.output(0)).attr("blocksize", b));
      return;
    }
    long[] dims = Blocks.lengths(node);
    int k = dims.length - 2;
    long[] split = new long[2 + 2 * k];
    long[] perm = new long[2 + 2 * k];
    long[] to = new long[2 + k];
    split[0] = 0;
    split[1] = dims[1];
    to[1] = dims[1] * (long) Math.pow(b, k);
    perm[blocksFirst ? k + 1 : 1] = 1;
    for (int i = 0; i < k; i++) {
      split[2 + 2 * i] = dims[2 + i] / b;
      split[3 + 2 * i] = b;
      perm[blocksFirst ? 1 + i : 2 + i] = 3 + 2 * i;
      perm[k + 2 + i] = 2 + 2 * i;
      to[2 + i] = dims[2 + i] / b;
    }
    Blocks.rearrange(node, graph, split, perm, to);
  }
}
