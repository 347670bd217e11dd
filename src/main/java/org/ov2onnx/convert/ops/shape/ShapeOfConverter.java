package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/** ShapeOf becomes Shape (int64), cast when v3's output_type is i32. */
@ConvertsOp(type = "ShapeOf", versions = {1, 3}, notes = "Shape (+ Cast for output_type i32)")
public final class ShapeOfConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Tensors.emitAs(node, graph, OnnxNode.op("Shape").inputs(node.input(0)), ElementType.I64);
  }
}
