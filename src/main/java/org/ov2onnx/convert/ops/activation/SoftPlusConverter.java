package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** SoftPlus becomes Softplus (OpenVINO's large-input threshold returns x, which Softplus equals there). */
@ConvertsOp(type = "SoftPlus", versions = 4, notes = "Softplus")
public final class SoftPlusConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.same(node, graph, "Softplus", Elementwise.FLOATS_NO_BF16);
  }
}
