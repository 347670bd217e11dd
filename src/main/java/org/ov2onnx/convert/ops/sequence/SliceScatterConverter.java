package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * SliceScatter: the data with the slice {@code data[start:stop:step]} (along axes) replaced by
 * updates. The flat positions of the data, {@code Range(0, size)} reshaped to the data's shape,
 * go through the same ONNX Slice; ScatterElements then writes the updates at those positions of
 * the flattened data, which is reshaped back. Everything may be dynamic.
 */
@ConvertsOp(type = "SliceScatter", versions = 15, notes = "Slice of flat positions + ScatterElements on the flattened data")
public final class SliceScatterConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String data = node.input(0);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(data));
    String size = graph.addOne(OnnxNode.op("ReduceProd").inputs(shape).attr("keepdims", 0L));
    String flatPositions = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), size, graph.int64s(true, 1)));
    String positions = graph.addOne(OnnxNode.op("Reshape").inputs(flatPositions, shape));
    String axes = node.inputCount() > 5 ? Tensors.int64Input(node, graph, 5) : "";
    String[] slice = {positions, Tensors.int64Input(node, graph, 2), Tensors.int64Input(node, graph, 3), axes,
        Tensors.int64Input(node, graph, 4)};
    String chosen = graph.addOne(OnnxNode.op("Slice").inputs(slice));
    String flat = graph.int64s(false, -1);
    String scattered = graph.addOne(OnnxNode.op("ScatterElements").inputs(
        graph.addOne(OnnxNode.op("Reshape").inputs(data, flat)),
        graph.addOne(OnnxNode.op("Reshape").inputs(chosen, flat)),
        graph.addOne(OnnxNode.op("Reshape").inputs(node.input(1), flat))).attr("axis", 0L));
    graph.add(OnnxNode.op("Reshape").inputs(scattered, shape).outputs(node.output(0)));
  }
}
