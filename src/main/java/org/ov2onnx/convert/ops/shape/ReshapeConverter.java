package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Reshape. special_zero=true (0 copies the input dimension) is ONNX's default; special_zero=false
 * (0 is a zero-length dimension) needs allowzero=1, which exists from opset 14. At opset 13 it is
 * accepted only for a constant target shape without zeros, where the two meanings agree. i4 and
 * u4 values are reshaped as i16 (ONNX Runtime has no 4-bit Reshape kernel).
 */
@ConvertsOp(type = "Reshape", versions = 1, notes = "Reshape; special_zero=false uses allowzero (opset 14+)")
public final class ReshapeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    OrtKernels.Detour detour = OrtKernels.detour("Reshape", node.inputType(0));
    String out = detour.out(graph, node.output(0));
    OnnxNode reshape = OnnxNode.op("Reshape").inputs(detour.in(graph, node.input(0)), Tensors.int64Input(node, graph, 1)).outputs(out);
    if (!node.boolAttr("special_zero")) {
      if (graph.opset() >= 14) {
        reshape.attr("allowzero", 1L);
      } else if (!constantWithoutZeros(node)) {
        throw node.error("special_zero=false needs ONNX opset 14 (allowzero) unless the target shape is a constant without zeros");
      }
    }
    graph.add(reshape);
    detour.back(graph, out, node.output(0));
  }

  private static boolean constantWithoutZeros(NodeView node) throws ConversionException {
    if (node.constantInput(1).isEmpty()) {
      return false;
    }
    for (long d : node.constantInts(1)) {
      if (d == 0) {
        return false;
      }
    }
    return true;
  }
}
