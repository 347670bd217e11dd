package org.ov2onnx.convert.ops.spatial;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * DepthToSpace: 4-D input becomes ONNX's DepthToSpace (blocks_first is DCR, depth_first CRD);
 * other ranks a Reshape/Transpose/Reshape with static channel and spatial lengths.
 */
@ConvertsOp(
    type = "DepthToSpace",
    versions = 1,
    notes = "DepthToSpace (DCR/CRD) for 4-D; Reshape/Transpose/Reshape for 3-D and 5-D+ (static channel and spatial lengths)")
public final class DepthToSpaceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean blocksFirst = Blocks.blocksFirst(node);
    long b = node.intAttr("block_size");
    if (!node.inputShape(0).isRankDynamic() && node.inputShape(0).rank() == 4) {
      graph.add(OnnxNode.op("DepthToSpace").inputs(node.input(0)).outputs(node.output(0))
          .attr("blocksize", b).attr("mode", blocksFirst ? "DCR" : "CRD"));
      return;
    }
    long[] dims = Blocks.lengths(node);
    int k = dims.length - 2;
    long depth = dims[1] / (long) Math.pow(b, k);
    long[] split = new long[2 + 2 * k];
    long[] perm = new long[2 + 2 * k];
    long[] to = new long[2 + k];
    split[0] = 0;
    split[blocksFirst ? k + 1 : 1] = depth;
    perm[1] = blocksFirst ? k + 1 : 1;
    to[1] = depth;
    for (int i = 0; i < k; i++) {
      split[blocksFirst ? 1 + i : 2 + i] = b;
      split[k + 2 + i] = dims[2 + i];
      perm[2 + 2 * i] = k + 2 + i;
      perm[3 + 2 * i] = blocksFirst ? 1 + i : 2 + i;
      to[2 + i] = dims[2 + i] * b;
    }
    Blocks.rearrange(node, graph, split, perm, to);
  }
}
