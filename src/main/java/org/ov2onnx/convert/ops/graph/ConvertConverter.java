package org.ov2onnx.convert.ops.graph;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Convert becomes Cast. FP16-compressed weights (f16 Constant → Convert) therefore stay f16 in
 * the file with a Cast, unless --upcast-fp16 folds them.
 */
@ConvertsOp(type = "Convert", versions = 1, notes = "Cast")
public final class ConvertConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int to = graph.onnxType(node.typeAttr("destination_type"));
    graph.add(OnnxNode.op("Cast").inputs(node.input(0)).outputs(node.output(0)).attr("to", (long) to));
  }
}
