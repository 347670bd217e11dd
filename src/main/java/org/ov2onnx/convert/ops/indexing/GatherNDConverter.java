package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * GatherND. ONNX keeps the batch axes like v8; v5 flattens them into one, so for batch_dims above 1
 * a Reshape merges them.
 */
@ConvertsOp(type = "GatherND", versions = {5, 8}, notes = "GatherND (+ Reshape merging v5's batch axes)")
public final class GatherNDConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long batchDims = node.intAttr("batch_dims");
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "GatherND", 0, node.inputType(0));
    OnnxNode gather = OnnxNode.op("GatherND").inputs(c.in(node.input(0)), Tensors.int64Input(node, graph, 1))
        .attr("batch_dims", batchDims);
    if (node.version() >= 8 || batchDims <= 1) {
      graph.add(gather.outputs(c.out(node.output(0))));
      c.done();
      return;
    }
    String result = graph.addOne(gather);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(result));
    String rest = graph.addOne(OnnxNode.op("Slice")
        .inputs(shape, graph.int64s(false, batchDims), graph.int64s(false, Tensors.END)));
    String merged = graph.addOne(OnnxNode.op("Concat").inputs(graph.int64s(false, -1), rest).attr("axis", 0L));
    graph.add(OnnxNode.op("Reshape").inputs(result, merged).outputs(c.out(node.output(0))));
    c.done();
  }
}
