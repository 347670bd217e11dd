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
    graph.add(cast(node, graph, node.typeAttr("destination_type")));
  }

  /**
   * The Cast of the node's input 0 to {@code type} as its output 0. OpenVINO's conversion to a
   * float8 type does not saturate (out-of-range values and infinities become NaN in f8e4m3,
   * infinity in f8e5m2, as its CPU plugin computes them): ONNX's saturate=0.
   */
  static OnnxNode cast(NodeView node, GraphBuilder graph, org.ov2onnx.openvino.ElementType type) throws ConversionException {
    OnnxNode cast = OnnxNode.op("Cast").inputs(node.input(0)).outputs(node.output(0)).attr("to", (long) graph.onnxType(type));
    if (type.name().startsWith("F8")) {
      cast.attr("saturate", 0L);
    }
    return cast;
  }
}
