package org.ov2onnx.convert.ops.conv;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.PartialShape;

/**
 * The ConvTranspose both backprop-data operations become. ONNX's weight layout [C_in, C_out/G,
 * k...] is OpenVINO's (after merging the group axis), and ONNX's output length formula is
 * OpenVINO's: stride*(in-1) + dilated kernel - pads_begin - pads_end + output_padding. What
 * differs is how the pads are chosen, so they are always written explicitly:
 *
 * <ul>
 *   <li>without output_shape: auto_pad explicit uses pads_begin/pads_end; valid, same_upper and
 *       same_lower use no padding (OpenVINO ignores the pads then);
 *   <li>with output_shape (a constant), the total padding is stride*(in-1) + dilated kernel -
 *       output_shape + output_padding. same_upper/same_lower split it in half, the larger half at
 *       the beginning for same_upper and at the end for same_lower; explicit keeps pads_begin
 *       (valid: 0) and takes the rest at the end. An output_shape longer than the input reaches
 *       (negative total padding) is, in OpenVINO, the input's reach followed by zeros (same_upper
 *       and same_lower then pad nothing): ConvTranspose with no end padding, then a zero Pad at
 *       the end. The same holds for a negative explicit pads_end. A negative pads_begin is
 *       refused (OpenVINO's CPU plugin does not run it).
 * </ul>
 *
 * (OpenVINO's specification says explicit pads are ignored with output_shape and split like
 * same_lower; its implementation keeps pads_begin, as the tests show.)
 */
final class TransposedConvolution {
  private TransposedConvolution() {}

  /**
   * Emits ConvTranspose for {@code node} with ONNX-layout weights {@code weights}; the spatial
   * kernel dimensions start at axis {@code kernelAxis} of input 1.
   */
  static void emit(NodeView node, GraphBuilder graph, String weights, long groups, int kernelAxis)
      throws ConversionException {
    if (!Elementwise.FLOATS_NO_BF16.contains(node.inputType(0))) {
      throw node.error("convolves " + node.inputType(0) + " values: ONNX ConvTranspose (to opset 21) takes only f16, f32 and f64");
    }
    int rank = Window.spatialRank(node);
    long[] strides = Window.ints(node, "strides", rank, 1);
    long[] dilations = Window.ints(node, "dilations", rank, 1);
    long[] outputPadding = Window.ints(node, "output_padding", rank, 0);
    Window.AutoPad autoPad = Window.AutoPad.of(node);
    long[] begin = new long[rank];
    long[] end = new long[rank];
    if (autoPad == Window.AutoPad.EXPLICIT) {
      begin = Window.ints(node, "pads_begin", rank, 0);
      end = Window.ints(node, "pads_end", rank, 0);
    }
    if (node.inputCount() > 2) {
      long[] outputShape = node.constantInts(2);
      if (outputShape.length != rank) {
        throw node.error("output_shape has " + outputShape.length + " values for " + rank + " spatial axes");
      }
      PartialShape kernel = node.inputShape(1);
      for (int i = 0; i < rank; i++) {
        long in = Window.spatialLength(node, i);
        Dimension k = kernel.dims().get(kernelAxis + i);
        if (in < 0 || !k.isStatic()) {
          throw node.error("with output_shape, the padding depends on the input and kernel lengths, but spatial axis " + i
              + " is dynamic");
        }
        long natural = strides[i] * (in - 1) + (k.length() - 1) * dilations[i] + 1;
        long total = natural - outputShape[i] + outputPadding[i];
        if (total < 0 && (autoPad == Window.AutoPad.SAME_UPPER || autoPad == Window.AutoPad.SAME_LOWER)) {
          begin[i] = 0;
        } else if (autoPad == Window.AutoPad.SAME_UPPER || autoPad == Window.AutoPad.SAME_LOWER) {
          long small = total / 2;
          begin[i] = autoPad == Window.AutoPad.SAME_UPPER ? total - small : small;
        }
        end[i] = total - begin[i];
      }
    }
    long[] growEnd = new long[rank];
    boolean grows = false;
    for (int i = 0; i < rank; i++) {
      if (begin[i] < 0) {
        throw node.error("pads_begin " + begin[i] + " on spatial axis " + i + " is negative; OpenVINO's CPU plugin "
            + "does not run that, so what it means is not established");
      }
      growEnd[i] = Math.max(0, -end[i]);
      end[i] = Math.max(0, end[i]);
      grows |= growEnd[i] > 0;
    }
    OnnxNode op = OnnxNode.op("ConvTranspose").inputs(node.input(0), weights)
        .attr("strides", strides)
        .attr("dilations", dilations)
        .attr("pads", Window.onnxPads(begin, end))
        .attr("output_padding", outputPadding)
        .attr("group", groups);
    if (!grows) {
      graph.add(op.outputs(node.output(0)));
      return;
    }
    long[] pads = new long[2 * (rank + 2)];
    System.arraycopy(growEnd, 0, pads, rank + 4, rank);
    graph.add(OnnxNode.op("Pad").inputs(graph.addOne(op), graph.int64s(false, pads)).outputs(node.output(0)));
  }
}
