package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;

/**
 * OpenVINO's multi-axis DFTs as ONNX DFTs, one axis at a time. ONNX's DFT wants a leading batch
 * axis and the complex pair (or a single real channel) last, so the signal gets a batch axis of 1
 * in front (and axes shift by one). The axis is an attribute before opset 20 and an input from 20;
 * signal_size becomes dft_length (both zero-pad or trim), -1 meaning none. The result agrees
 * with OpenVINO up to rounding (a different order of operations).
 */
final class Fourier {
  private Fourier() {}

  /** The axes (input 1) normalised against the signal's rank {@code signalRank} (the complex pair excluded). */
  static long[] axes(NodeView node, int signalRank) throws ConversionException {
    long[] axes = node.constantInts(1);
    for (int i = 0; i < axes.length; i++) {
      axes[i] = Tensors.axis(node, axes[i], signalRank);
    }
    return axes;
  }

  /** signal_size (input 2) for each axis, or -1 when absent. */
  static long[] sizes(NodeView node, int count) throws ConversionException {
    long[] sizes = new long[count];
    java.util.Arrays.fill(sizes, -1);
    if (node.inputCount() > 2) {
      long[] given = node.constantInts(2);
      if (given.length != count) {
        throw node.error("has " + given.length + " signal sizes for " + count + " axes");
      }
      sizes = given;
    }
    return sizes;
  }

  /** One ONNX DFT of {@code x} (batch axis in front) along signal axis {@code axis}. */
  static String dft(GraphBuilder graph, String x, long axis, long length, boolean inverse, boolean onesided) throws ConversionException {
    String dftLength = length < 0 ? "" : graph.int64s(true, length);
    OnnxNode dft = OnnxNode.op("DFT").attr("inverse", inverse ? 1L : 0L).attr("onesided", onesided ? 1L : 0L);
    if (graph.opset() >= 20) {
      dft.inputs(x, dftLength, graph.int64s(true, axis + 1));
    } else {
      dft.inputs(x, dftLength).attr("axis", axis + 1);
    }
    return graph.addOne(dft);
  }

  static String addBatch(GraphBuilder graph, String x) throws ConversionException {
    return Tensors.unsqueeze(graph, x, 0);
  }

  static void dropBatch(NodeView node, GraphBuilder graph, String x) throws ConversionException {
    graph.add(OnnxNode.op("Squeeze").inputs(x, graph.int64s(false, 0)).outputs(node.output(0)));
  }

  /** DFT or IDFT: complex input {@code [..., 2]}, each axis in turn. */
  static void complex(NodeView node, GraphBuilder graph, boolean inverse) throws ConversionException {
    int signalRank = Tensors.inputRank(node, 0) - 1;
    long[] axes = axes(node, signalRank);
    long[] sizes = sizes(node, axes.length);
    String x = addBatch(graph, node.input(0));
    for (int i = 0; i < axes.length; i++) {
      x = dft(graph, x, axes[i], sizes[i], inverse, false);
    }
    dropBatch(node, graph, x);
  }
}
