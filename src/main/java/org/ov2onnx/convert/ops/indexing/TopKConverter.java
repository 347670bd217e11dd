package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import java.util.List;
import org.ov2onnx.openvino.ElementType;

/**
 * TopK v1, v3, v11. mode max/min is ONNX's largest=1/0. sort=value (and none, whose order
 * OpenVINO leaves open and its CPU plugin fills by value) is ONNX's sorted TopK. sort=index sorts
 * the chosen indices with a second TopK (smallest first) and reorders the values with
 * GatherElements. ONNX's TopK is stable (ties keep the lower index first), which satisfies v11's
 * stable=true and is one valid order for stable=false. Indices are cast to index_element_type.
 * Types ONNX Runtime has no TopK kernel for run through an order-preserving wider type
 * ({@link OrtKernels}).
 */
@ConvertsOp(type = "TopK", versions = {1, 3, 11}, notes = "TopK (+ TopK/GatherElements for sort=index, Cast for i32 indices)")
public final class TopKConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long axis = node.intAttr("axis");
    String mode = node.stringAttr("mode");
    String sort = node.stringAttr("sort");
    if (!mode.equals("max") && !mode.equals("min")) {
      throw node.error("unknown mode '" + mode + "'");
    }
    if (!sort.equals("value") && !sort.equals("index") && !sort.equals("none")) {
      throw node.error("unknown sort '" + sort + "'");
    }
    String k = node.constantInput(1).isPresent()
        ? graph.int64s(false, Tensors.constantScalar(node, 1))
        : graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 1), graph.int64s(false, 1)));
    ElementType indexType = node.outputType(1);
    boolean byIndex = sort.equals("index");
    boolean castIndices = indexType != ElementType.I64;
    OrtKernels.Detour detour = OrtKernels.detour("TopK", node.inputType(0));
    String values = byIndex ? graph.fresh(node.name() + "/values") : detour.out(graph, node.output(0));
    OnnxNode topk = OnnxNode.op("TopK").inputs(detour.in(graph, node.input(0)), k).attr("axis", axis)
        .attr("largest", mode.equals("max") ? 1L : 0L).attr("sorted", 1L);
    String indices = byIndex || castIndices ? graph.fresh(node.name() + "/indices") : node.output(1);
    graph.add(topk.outputs(values, indices));
    if (byIndex) {
      List<String> order = graph.add(OnnxNode.op("TopK").inputs(indices, k).attr("axis", axis).attr("largest", 0L)
          .attr("sorted", 1L).outputCount(2));
      String gathered = detour.out(graph, node.output(0));
      graph.add(OnnxNode.op("GatherElements").inputs(values, order.get(1)).outputs(gathered).attr("axis", axis));
      values = gathered;
      indices = order.get(0);
    }
    detour.back(graph, values, node.output(0));
    if (castIndices) {
      graph.add(OnnxNode.op("Cast").inputs(indices).outputs(node.output(1)).attr("to", (long) graph.onnxType(indexType)));
    } else if (byIndex) {
      graph.add(OnnxNode.op("Identity").inputs(indices).outputs(node.output(1)));
    }
  }
}
