package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * ScatterElementsUpdate v3 and v12 become ScatterElements. v12's reductions: sum and prod map to
 * add and mul (ONNX opset 16+), min and max (opset 18+); mean (floating point data only) is a sum
 * divided by a count scattered the same way (opset 16+). use_init_val=false first overwrites the
 * scattered positions: with zeros (sum, mean), ones (prod) or one of the updates (min, max), so
 * only the updates take part in the reduction.
 */
@ConvertsOp(type = "ScatterElementsUpdate", versions = {3, 12}, notes = "ScatterElements; reductions need opset 16 (sum, prod, mean) or 18 (min, max); mean only for floating point data; the axis must be a constant")
public final class ScatterElementsUpdateConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long axis = Tensors.constantScalar(node, 3);
    String reduction = node.attributes().containsKey("reduction") ? node.stringAttr("reduction") : "none";
    boolean useInit = !node.attributes().containsKey("use_init_val") || node.boolAttr("use_init_val");
    ElementType narrow = node.inputType(0);
    // replacing, max and min are exact in any wider type, integer sums and products wrap the same in int32
    boolean widen = reduction.equals("none") || reduction.equals("max") || reduction.equals("min")
        || (narrow.name().matches("[IU][0-9]+") && !reduction.equals("mean"));
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "ScatterElements", 0, narrow, widen);
    ElementType type = c.type();
    String data = c.in(node.input(0));
    String indices = Indices.int32or64(node, graph, 1);
    String updates = c.in(node.input(2));
    String onnx = Indices.reduction(node, graph, reduction, "mean");
    if (reduction.equals("mean") && !Tensors.isFloat(type)) {
      throw node.error("reduction 'mean' on " + type + " data: OpenVINO's integer mean rounding has no ONNX form");
    }
    if (!useInit && !reduction.equals("none")) {
      String reset = switch (reduction) {
        case "sum", "mean" -> Indices.filledLike(graph, updates, type, 0);
        case "prod" -> Indices.filledLike(graph, updates, type, 1);
        default -> updates;
      };
      data = scatter(graph, data, indices, reset, axis, "none", null);
    }
    if (!reduction.equals("mean")) {
      scatter(graph, data, indices, updates, axis, onnx, c.out(node.output(0)));
      c.done();
      return;
    }
    String sum = scatter(graph, data, indices, updates, axis, "add", null);
    String start = Indices.filledLike(graph, data, type, 1);
    if (!useInit) {
      start = scatter(graph, start, indices, Indices.filledLike(graph, updates, type, 0), axis, "none", null);
    }
    String count = scatter(graph, start, indices, Indices.filledLike(graph, updates, type, 1), axis, "add", null);
    graph.add(OnnxNode.op("Div").inputs(sum, count).outputs(c.out(node.output(0))));
    c.done();
  }

  private static String scatter(GraphBuilder graph, String data, String indices, String updates, long axis, String reduction,
      String output) throws ConversionException {
    OnnxNode s = OnnxNode.op("ScatterElements").inputs(data, indices, updates).attr("axis", axis);
    if (!reduction.equals("none")) {
      s.attr("reduction", reduction);
    }
    return output == null ? graph.addOne(s) : graph.addOne(s.outputs(output));
  }
}
