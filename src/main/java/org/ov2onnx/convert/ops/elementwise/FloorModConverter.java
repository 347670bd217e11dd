package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * FloorMod: the remainder takes the divisor's sign (Python's {@code %}). For integers that is ONNX
 * Mod with {@code fmod=0}; ONNX forbids {@code fmod=0} on floats, so floats take {@code fmod=1}
 * (the dividend's sign) and add the divisor where the signs differ.
 */
@ConvertsOp(type = "FloorMod", versions = 1, notes = "Mod fmod=0 (integers); Mod fmod=1 + sign correction (floats)")
public final class FloorModConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.checkBroadcast(node);
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.NUMERIC, "Mod");
    String a = node.input(0);
    String b = node.input(1);
    if (Elementwise.isInteger(t)) {
      graph.add(OnnxNode.op("Mod").inputs(a, b).outputs(node.output(0)).attr("fmod", 0L));
      return;
    }
    String r = graph.addOne(OnnxNode.op("Mod").inputs(a, b).attr("fmod", 1L));
    String adjust = Elementwise.remainderNeedsFloor(graph, t, r, b);
    String moved = graph.addOne(OnnxNode.op("Add").inputs(r, b));
    graph.add(OnnxNode.op("Where").inputs(adjust, moved, r).outputs(node.output(0)));
  }
}
