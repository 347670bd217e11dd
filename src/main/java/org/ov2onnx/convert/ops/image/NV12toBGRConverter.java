package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** NV12toBGR: see {@link Nv12} and {@link Yuv}. */
@ConvertsOp(type = "NV12toBGR", versions = 8, notes = "Slice/Reshape/Expand of the planes, the colour matrix in f32, Round (u8), Clip")
public final class NV12toBGRConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Nv12.convert(node, graph, true);
  }
}
