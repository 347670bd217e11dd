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
@ConvertsOp(type = "Convert", versions = 1, notes = "Cast (to float8 types with saturate=0, as OpenVINO does not saturate)")
public final class ConvertConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    org.ov2onnx.openvino.ElementType type = node.typeAttr("destination_type");
    int to = graph.onnxType(type);
    OnnxNode cast = OnnxNode.op("Cast").inputs(node.input(0)).outputs(node.output(0)).attr("to", (long) to);
    if (type.name().startsWith("F8")) {
      // OpenVINO's Convert does not saturate: out-of-range values become NaN or infinity, as with saturate=0
      cast.attr("saturate", 0L);
    }
    graph.add(cast);
  }
}
