package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ScatterNDUpdate-3 (which OpenVINO versions "opset4", the opset it appeared in) and -15 become
 * ScatterND. v15's reductions: sum and prod map to add and mul
 * (ONNX opset 16+), min and max (opset 18+); sub adds the negated updates (signed and floating
 * point types).
 */
@ConvertsOp(type = "ScatterNDUpdate", versions = {4, 15}, notes = "ScatterND; reductions need opset 16 (sum, sub, prod) or 18 (min, max)")
public final class ScatterNDUpdateConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String reduction = node.attributes().containsKey("reduction") ? node.stringAttr("reduction") : "none";
    String updates = node.input(2);
    String onnx = Indices.reduction(node, graph, reduction, "sub");
    if (reduction.equals("sub")) {
      ElementType t = node.inputType(2);
      if (t == ElementType.BOOLEAN || t.name().startsWith("U")) {
        throw node.error("reduction 'sub' on " + t + " data has no ONNX form (Neg needs a signed type)");
      }
      updates = graph.addOne(OnnxNode.op("Neg").inputs(updates));
    }
    OnnxNode s = OnnxNode.op("ScatterND").inputs(node.input(0), Tensors.int64Input(node, graph, 1), updates)
        .outputs(node.output(0));
    if (!onnx.equals("none")) {
      s.attr("reduction", onnx);
    }
    graph.add(s);
  }
}
