package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Range. As OpenVINO's reference evaluates it, start, stop and step are first converted to the
 * output type (v4's output_type; v1's inputs already have it), so a float start of -1.5 with an
 * integer output starts at -1. ONNX's Range computes in float, double, int16, int32 or int64: other
 * output types are computed in float or int64 and cast back.
 *
 * <p>Note: OpenVINO's CPU plugin, for non-constant float inputs and an integer output_type, instead
 * computes in float and rounds each value; this converter follows the specification's reference.
 */
@ConvertsOp(type = "Range", versions = {1, 4}, notes = "Range (inputs cast to the output type first, as OpenVINO's reference does)")
public final class RangeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType out = node.outputType(0);
    ElementType compute = switch (out) {
      case F32, F64, I16, I32, I64 -> out;
      case F16, BF16 -> ElementType.F32;
      default -> ElementType.I64;
    };
    String[] inputs = new String[3];
    for (int i = 0; i < 3; i++) {
      String v = Tensors.castIfNeeded(graph, node.input(i), node.inputType(i), out);
      v = Tensors.castIfNeeded(graph, v, out, compute);
      inputs[i] = Tensors.inputRank(node, i) == 0 ? v : graph.addOne(OnnxNode.op("Reshape").inputs(v, graph.int64s(false)));
    }
    Tensors.emitAs(node, graph, OnnxNode.op("Range").inputs(inputs), compute);
  }
}
