package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** GatherElements maps one to one. */
@ConvertsOp(type = "GatherElements", versions = 6, notes = "GatherElements")
public final class GatherElementsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "GatherElements", 0, node.inputType(0));
    graph.add(OnnxNode.op("GatherElements").inputs(c.in(node.input(0)), Indices.int32or64(node, graph, 1))
        .outputs(c.out(node.output(0))).attr("axis", node.intAttr("axis")));
    c.done();
  }
}
