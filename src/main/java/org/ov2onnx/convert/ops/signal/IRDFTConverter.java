package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;

/**
 * IRDFT: inverse DFTs on all but the last listed axis, then, on the last one, the full spectrum of
 * length n (signal_size, or 2 (m - 1) for m input bins) rebuilt from its first n/2 + 1 bins (trimmed
 * or zero-padded) by Hermitian symmetry, {@code X[k] = conj(X[n - k])} (a Gather and a sign on the
 * imaginary part), an inverse DFT, and its real part. Taking the real part ignores the imaginary
 * parts of the DC and Nyquist bins, as a complex-to-real transform does. See {@link Fourier}.
 * (This is numpy's irfftn. OpenVINO's CPU plugin agrees, except when it pads the last axis's bins
 * (signal_size above 2 (m - 1) + 1) of a signal of rank 2 or more, where its result differs from
 * numpy's; the tests compare padding on a 1-D signal only.)
 */
@ConvertsOp(type = "IRDFT", versions = 9, minOpset = 17,
    notes = "inverse DFT per axis; the last axis's spectrum rebuilt by Hermitian symmetry (Gather, Mul), inverse DFT, real part; constant axes and signal_size, static last-axis length")
public final class IRDFTConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int signalRank = Tensors.inputRank(node, 0) - 1;
    long[] axes = Fourier.axes(node, signalRank);
    long[] sizes = Fourier.sizes(node, axes.length);
    int last = axes.length - 1;
    int axis = (int) axes[last];
    Dimension bins = node.inputShape(0).dims().get(axis);
    if (!bins.isStatic()) {
      throw node.error("needs a static length on the last transformed axis " + axis);
    }
    long m = bins.length();
    long n = sizes[last] >= 0 ? sizes[last] : 2 * (m - 1);
    String x = Fourier.addBatch(graph, node.input(0));
    for (int i = 0; i < last; i++) {
      x = Fourier.dft(graph, x, axes[i], sizes[i], true, false);
    }
    long half = n / 2 + 1;
    long[] source = new long[(int) n];
    double[] sign = new double[(int) n * 2];
    for (int k = 0; k < n; k++) {
      boolean direct = k < half;
      source[k] = direct ? k : n - k;
      sign[2 * k] = 1;
      sign[2 * k + 1] = direct ? 1 : -1;
    }
    long[] padding = new long[2 * (signalRank + 2)];
    String bounded = x;
    if (half > m) {
      padding[axis + 1 + signalRank + 2] = half - m;
      bounded = graph.addOne(OnnxNode.op("Pad").inputs(x, graph.int64s(false, padding)));
    }
    String full = graph.addOne(OnnxNode.op("Gather").inputs(bounded, graph.int64s(false, source)).attr("axis", (long) axis + 1));
    long[] signShape = new long[signalRank + 2];
    java.util.Arrays.fill(signShape, 1);
    signShape[axis + 1] = n;
    signShape[signalRank + 1] = 2;
    String spectrum = graph.addOne(OnnxNode.op("Mul").inputs(full, graph.constant(node.inputType(0), signShape, sign)));
    String signal = Fourier.dft(graph, spectrum, axis, -1, true, false);
    String real = graph.addOne(OnnxNode.op("Gather").inputs(signal, graph.int64s(true, 0)).attr("axis", (long) signalRank + 1));
    Fourier.dropBatch(node, graph, real);
  }
}
