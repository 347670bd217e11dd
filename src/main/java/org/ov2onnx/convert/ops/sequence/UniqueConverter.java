package org.ov2onnx.convert.ops.sequence;

import java.util.List;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Unique: ONNX Unique, output for output (unique values, first-occurrence indices, inverse
 * indices, counts), with the axis (a constant second input) when given, the flattened input
 * otherwise. Both order the results the same way: ascending with sorted=true, by first occurrence
 * with sorted=false. ONNX's int64 indices and counts are cast to index_element_type and
 * count_element_type.
 */
@ConvertsOp(type = "Unique", versions = 10, notes = "Unique (+ Cast of indices and counts)")
public final class UniqueConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    OnnxNode unique = OnnxNode.op("Unique").inputs(node.input(0)).attr("sorted", node.boolAttr("sorted") ? 1L : 0L).outputCount(4);
    if (node.inputCount() > 1) {
      unique.attr("axis", (long) Tensors.axis(node, Tensors.constantScalar(node, 1), Tensors.inputRank(node, 0)));
    }
    List<String> out = graph.add(unique);
    graph.add(OnnxNode.op("Identity").inputs(out.get(0)).outputs(node.output(0)));
    for (int i = 1; i < 4; i++) {
      if (!node.outputUsed(i)) {
        continue;
      }
      if (node.outputType(i) == ElementType.I64) {
        graph.add(OnnxNode.op("Identity").inputs(out.get(i)).outputs(node.output(i)));
      } else {
        graph.add(OnnxNode.op("Cast").inputs(out.get(i)).outputs(node.output(i)).attr("to", (long) graph.onnxType(node.outputType(i))));
      }
    }
  }
}
