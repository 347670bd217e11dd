package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;

/**
 * The shape arithmetic SpaceToBatch and BatchToSpace share, in int64 tensors computed at run time
 * (sizes, blocks, pads and crops may all be dynamic; only the rank must be static).
 */
final class BatchBlocks {
  final GraphBuilder graph;
  final int rank;
  /** block_shape[1:], int64. */
  final String blocks;
  /** The product of all blocks, a 1-element int64 tensor. */
  final String volume;

  BatchBlocks(NodeView node, GraphBuilder graph) throws ConversionException {
    this.graph = graph;
    this.rank = Tensors.inputRank(node, 0);
    if (rank < 2) {
      throw node.error("needs an input of rank 2 or more, got " + rank);
    }
    String all = Tensors.int64Input(node, graph, 1);
    this.blocks = tail(all);
    this.volume = graph.addOne(OnnxNode.op("ReduceProd").inputs(all).attr("keepdims", 1L));
  }

  /** {@code v[1:]} of a 1-D tensor. */
  String tail(String v) throws ConversionException {
    return graph.addOne(OnnxNode.op("Slice").inputs(v, graph.int64s(false, 1), graph.int64s(false, Tensors.END)));
  }

  /** {@code v[:1]} of a 1-D tensor. */
  String head(String v) throws ConversionException {
    return graph.addOne(OnnxNode.op("Slice").inputs(v, graph.int64s(false, 0), graph.int64s(false, 1)));
  }

  /** {@code [a0, b0, a1, b1, ...]} of two 1-D tensors of the same length. */
  String interleave(String a, String b) throws ConversionException {
    String pairs = graph.addOne(OnnxNode.op("Concat").inputs(Tensors.unsqueeze(graph, a, 1), Tensors.unsqueeze(graph, b, 1)).attr("axis", 1L));
    return graph.addOne(OnnxNode.op("Reshape").inputs(pairs, graph.int64s(false, -1)));
  }

  String concat(String... parts) throws ConversionException {
    return graph.addOne(OnnxNode.op("Concat").inputs(parts).attr("axis", 0L));
  }

  String shapeOf(String x) throws ConversionException {
    return graph.addOne(OnnxNode.op("Shape").inputs(x));
  }

  String op(String type, String a, String b) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(a, b));
  }
}
