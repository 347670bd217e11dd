package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ConvertPromoteTypes: both inputs converted to their common type. OpenVINO has already decided
 * that type (promote_unsafe, pytorch_scalar_promotion and u64_integer_promotion_target act in its
 * type inference), so each output is a Cast of its input to the output's type, or an Identity.
 */
@ConvertsOp(type = "ConvertPromoteTypes", versions = 14, notes = "Cast of each input to the promoted type OpenVINO inferred")
public final class ConvertPromoteTypesConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    for (int i = 0; i < 2; i++) {
      if (node.inputType(i) == node.outputType(i)) {
        graph.add(OnnxNode.op("Identity").inputs(node.input(i)).outputs(node.output(i)));
      } else {
        graph.add(OnnxNode.op("Cast").inputs(node.input(i)).outputs(node.output(i)).attr("to", (long) graph.onnxType(node.outputType(i))));
      }
    }
  }
}
