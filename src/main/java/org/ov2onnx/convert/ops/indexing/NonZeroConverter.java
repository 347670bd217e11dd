package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/** NonZero gives int64 indices, cast for output_type i32. */
@ConvertsOp(type = "NonZero", versions = 3, notes = "NonZero (+ Cast for output_type i32)")
public final class NonZeroConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "NonZero", 0, node.inputType(0)); // zero stays zero
    Tensors.emitAs(node, graph, OnnxNode.op("NonZero").inputs(c.in(node.input(0))), ElementType.I64);
  }
}
