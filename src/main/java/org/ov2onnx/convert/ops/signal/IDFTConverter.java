package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** IDFT: one ONNX DFT (inverse=1) per axis (axes and signal_size constants). See {@link Fourier}. */
@ConvertsOp(type = "IDFT", versions = 7, minOpset = 17, notes = "DFT per axis (inverse); axes and signal_size must be constants")
public final class IDFTConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Fourier.complex(node, graph, true);
  }
}
