package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** I420toRGB: see {@link I420} and {@link Yuv}. */
@ConvertsOp(type = "I420toRGB", versions = 8, notes = "Slice/Reshape/Expand of the planes, the colour matrix in f32, Round (u8), Clip")
public final class I420toRGBConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    I420.convert(node, graph, false);
  }
}
