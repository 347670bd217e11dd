package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * RDFT: the real signal gets a trailing channel of 1 (ONNX's real form); its last listed axis is
 * transformed first with onesided=1 (n/2 + 1 outputs), then the other axes fully. See {@link Fourier}.
 */
@ConvertsOp(type = "RDFT", versions = 9, minOpset = 17, notes = "DFT onesided on the last axis, then DFT per other axis; axes and signal_size must be constants")
public final class RDFTConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int signalRank = Tensors.inputRank(node, 0);
    long[] axes = Fourier.axes(node, signalRank);
    long[] sizes = Fourier.sizes(node, axes.length);
    String x = Tensors.unsqueeze(graph, node.input(0), 0, signalRank + 1);
    int last = axes.length - 1;
    x = Fourier.dft(graph, x, axes[last], sizes[last], false, true);
    for (int i = 0; i < last; i++) {
      x = Fourier.dft(graph, x, axes[i], sizes[i], false, false);
    }
    Fourier.dropBatch(node, graph, x);
  }
}
