package org.ov2onnx.convert.ops.math;

import java.util.Arrays;
import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * LRN: {@code x / (bias + alpha / size^k * sum of x^2 over a window)^beta}, k the number of axes.
 * The window, centred and cut at the edges, spans {@code 2 * floor((size - 1) / 2) + 1} elements
 * per axis, which is what OpenVINO's CPU plugin sums (for an even size one fewer than the spec's
 * {@code size / 2} either side). OpenVINO runs two axis sets, and so does the converter:
 *
 * <ul>
 *   <li>axes [1] (across channels): ONNX LRN, whose window is the same for an odd size; an even
 *       size becomes size - 1 with alpha scaled by (size - 1) / size, the same sum and factor;
 *   <li>all the spatial axes [2, rank): the square's AveragePool (zero padding counted) times the
 *       window volume is the sum, so the factor is {@code alpha * (width / size)^k}.
 * </ul>
 * Other axis sets are refused: OpenVINO's CPU plugin computes them differently from the spec (or
 * not at all), so there is no reference to match. (The CPU plugin also truncates a fractional
 * bias to an integer, 1.5 acting as 1; the conversion keeps the spec's bias, so the tests use
 * whole biases.)
 */
@ConvertsOp(type = "LRN", versions = 1, notes = "LRN (axes [1]); Mul/AveragePool/Pow/Div (all spatial axes); other axis sets refused (no OpenVINO reference)")
public final class LrnConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    long[] axes = node.constantInts(1);
    for (int i = 0; i < axes.length; i++) {
      axes[i] = Tensors.axis(node, axes[i], rank);
    }
    Arrays.sort(axes);
    double alpha = node.floatAttr("alpha");
    double beta = node.floatAttr("beta");
    double bias = node.floatAttr("bias");
    long size = node.intAttr("size");
    long half = (size - 1) / 2;
    long width = 2 * half + 1;
    if (size < 1) {
      throw node.error("size must be positive, got " + size);
    }
    if (Arrays.equals(axes, new long[] {1})) {
      Elementwise.requireType(node, graph, 0, Elementwise.FLOATS, "LRN");
      graph.add(OnnxNode.op("LRN").inputs(node.input(0)).outputs(node.output(0)).attr("size", width)
          .attr("alpha", alpha * width / size).attr("beta", beta).attr("bias", bias));
      return;
    }
    long[] spatial = new long[Math.max(rank - 2, 0)];
    Arrays.setAll(spatial, i -> i + 2);
    if (spatial.length == 0 || !Arrays.equals(axes, spatial)) {
      throw node.error("axes " + Arrays.toString(axes) + " of a rank-" + rank + " input: only [1] (across channels) and all the "
          + "spatial axes [2.." + (rank - 1) + "] are converted; OpenVINO's CPU plugin does not compute other axis sets as its spec says");
    }
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.FLOATS_NO_BF16, "AveragePool");
    String x = node.input(0);
    long[] kernel = new long[spatial.length];
    long[] pads = new long[2 * spatial.length];
    Arrays.fill(kernel, width);
    Arrays.fill(pads, half);
    String squares = graph.addOne(OnnxNode.op("Mul").inputs(x, x));
    String mean = graph.addOne(OnnxNode.op("AveragePool").inputs(squares).attr("kernel_shape", kernel).attr("pads", pads)
        .attr("count_include_pad", 1L));
    double factor = alpha * Math.pow((double) width / size, spatial.length);
    String scaled = graph.addOne(OnnxNode.op("Mul").inputs(mean, graph.scalar(t, factor)));
    String base = graph.addOne(OnnxNode.op("Add").inputs(scaled, graph.scalar(t, bias)));
    String denominator = graph.addOne(OnnxNode.op("Pow").inputs(base, graph.scalar(t, beta)));
    graph.add(OnnxNode.op("Div").inputs(x, denominator).outputs(node.output(0)));
  }
}
