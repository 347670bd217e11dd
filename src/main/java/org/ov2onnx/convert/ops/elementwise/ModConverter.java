package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/** Mod: the remainder takes the dividend's sign (C's fmod / truncated %), ONNX Mod with fmod=1. */
@ConvertsOp(type = "Mod", versions = 1, notes = "Mod fmod=1")
public final class ModConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.checkBroadcast(node);
    Elementwise.requireType(node, graph, 0, Elementwise.NUMERIC, "Mod");
    graph.add(OnnxNode.op("Mod").inputs(node.input(0), node.input(1)).outputs(node.output(0)).attr("fmod", 1L));
  }
}
