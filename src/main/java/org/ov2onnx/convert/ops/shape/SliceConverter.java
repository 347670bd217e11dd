package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Slice-8 is ONNX's Slice with the inputs reordered (axes before steps) and cast to int64. */
@ConvertsOp(type = "Slice", versions = 8, notes = "Slice")
public final class SliceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String axes = node.inputCount() > 4 ? Tensors.int64Input(node, graph, 4) : "";
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Slice", 0, node.inputType(0));
    graph.add(OnnxNode.op("Slice")
        .inputs(c.in(node.input(0)), Tensors.int64Input(node, graph, 1), Tensors.int64Input(node, graph, 2), axes,
            Tensors.int64Input(node, graph, 3))
        .outputs(c.out(node.output(0))));
    c.done();
  }
}
