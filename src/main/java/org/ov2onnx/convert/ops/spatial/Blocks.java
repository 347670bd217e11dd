package org.ov2onnx.convert.ops.spatial;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.PartialShape;

/**
 * DepthToSpace and SpaceToDepth as Reshape, Transpose, Reshape, for the ranks and modes ONNX's own
 * operators do not cover (they take 4-D input only). Needs static channel and spatial lengths;
 * the batch may be dynamic.
 */
final class Blocks {
  private Blocks() {}

  /** Whether the mode attribute is blocks_first (else depth_first). */
  static boolean blocksFirst(NodeView node) throws ConversionException {
    String mode = node.stringAttr("mode");
    if (!mode.equals("blocks_first") && !mode.equals("depth_first")) {
      throw node.error("mode '" + mode + "' is not known");
    }
    return mode.equals("blocks_first");
  }

  /** The static lengths of input 0; the batch (axis 0) is -1 if dynamic. */
  static long[] lengths(NodeView node) throws ConversionException {
    PartialShape shape = node.inputShape(0);
    if (shape.isRankDynamic() || shape.rank() < 3) {
      throw node.error("needs an input of static rank 3 or more, got " + shape);
    }
    long[] dims = new long[shape.rank()];
    for (int d = 0; d < dims.length; d++) {
      if (shape.dims().get(d).isStatic()) {
        dims[d] = shape.dims().get(d).length();
      } else if (d == 0) {
        dims[d] = -1;
      } else {
        throw node.error("the decomposition into Reshape/Transpose needs static channel and spatial lengths; got " + shape);
      }
    }
    return dims;
  }

  /** Reshape (batch copied with 0), Transpose by {@code perm}, Reshape to {@code to}; writes node.output(0). */
  static void rearrange(NodeView node, GraphBuilder graph, long[] split, long[] perm, long[] to) throws ConversionException {
    String reshaped = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), graph.int64s(false, split)));
    String moved = graph.addOne(OnnxNode.op("Transpose").inputs(reshaped).attr("perm", perm));
    graph.add(OnnxNode.op("Reshape").inputs(moved, graph.int64s(false, to)).outputs(node.output(0)));
  }
}
