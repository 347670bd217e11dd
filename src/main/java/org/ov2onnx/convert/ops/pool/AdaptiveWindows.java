package org.ov2onnx.convert.ops.pool;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.PartialShape;

/**
 * Adaptive pooling, which ONNX lacks. Output cell i of an axis of input length L and output
 * length n pools [floor(i*L/n), ceil((i+1)*L/n)). When every n divides its L these windows are a
 * regular pooling with kernel = stride = L/n; otherwise each axis in turn is sliced into its
 * windows, reduced and concatenated (mean and max of a box are the mean and max of its per-axis
 * reductions). Needs static spatial lengths and a constant output size.
 */
final class AdaptiveWindows {
  private AdaptiveWindows() {}

  /** Static spatial input lengths. */
  static long[] inputLengths(NodeView node) throws ConversionException {
    PartialShape shape = node.inputShape(0);
    if (shape.isRankDynamic() || shape.rank() < 3) {
      throw node.error("needs an input of static rank 3 or more, got " + shape);
    }
    long[] in = new long[shape.rank() - 2];
    for (int i = 0; i < in.length; i++) {
      if (!shape.dims().get(i + 2).isStatic()) {
        throw node.error("spatial length " + i + " of " + shape + " is dynamic; adaptive windows need static lengths");
      }
      in[i] = shape.dims().get(i + 2).length();
    }
    return in;
  }

  /** The output size (input 1, a constant), one value per spatial axis. */
  static long[] outputLengths(NodeView node, int rank) throws ConversionException {
    long[] out = node.constantInts(1);
    if (out.length != rank) {
      throw node.error("output size has " + out.length + " values for " + rank + " spatial axes");
    }
    return out;
  }

  /** Kernel = stride = in/out per axis, or null if some out does not divide its in. */
  static long[] regularKernel(long[] in, long[] out) {
    long[] kernel = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      if (out[i] <= 0 || in[i] % out[i] != 0) {
        return null;
      }
      kernel[i] = in[i] / out[i];
    }
    return kernel;
  }

  /** The per-axis Slice + {@code reduce} + Concat decomposition; writes node.output(0). */
  static void sliced(NodeView node, GraphBuilder graph, String reduce, long[] in, long[] out) throws ConversionException {
    String value = node.input(0);
    for (int i = 0; i < in.length; i++) {
      long axis = i + 2;
      List<String> cells = new ArrayList<>();
      for (long c = 0; c < out[i]; c++) {
        long start = Math.floorDiv(c * in[i], out[i]);
        long end = -Math.floorDiv(-(c + 1) * in[i], out[i]);
        String slice = graph.addOne(OnnxNode.op("Slice")
            .inputs(value, graph.int64s(false, start), graph.int64s(false, end), graph.int64s(false, axis)));
        OnnxNode r = OnnxNode.op(reduce).inputs(slice).attr("keepdims", 1L);
        if (graph.opset() >= 18) {
          r.inputs(graph.int64s(false, axis));
        } else {
          r.attr("axes", new long[] {axis});
        }
        cells.add(graph.addOne(r));
      }
      OnnxNode concat = OnnxNode.op("Concat").inputs(cells).attr("axis", axis);
      if (i == in.length - 1) {
        graph.add(concat.outputs(node.output(0)));
      } else {
        value = graph.addOne(concat);
      }
    }
  }
}
