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
 * SparseFillEmptyRows: a sparse matrix (values, dense_shape, indices {@code [N, 2]}) gets an entry
 * {@code (row, 0) = default_value} in every row without one. Empty rows come from a row x entry
 * comparison (memory rows x N); their entries (NonZero) are appended, and all entries are ordered
 * row-major by (row, column), as OpenVINO orders them, ties kept in input order (TopK, ascending, on
 * {@code (row * columns + column) * count + position}). The outputs' sizes depend on the data; they are compared element by
 * element since the order is fixed.
 */
@ConvertsOp(type = "SparseFillEmptyRows", versions = 16, notes = "Equal/ReduceMax for empty rows, NonZero, Concat, TopK order by row, Gather")
public final class SparseFillEmptyRowsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType indexType = node.inputType(2);
    String indices = Tensors.int64Input(node, graph, 2);
    String rows = graph.addOne(OnnxNode.op("Gather").inputs(Tensors.int64Input(node, graph, 1), graph.int64s(true, 0)));
    String rowIds = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), rows, graph.int64s(true, 1)));
    String entryRows = graph.addOne(OnnxNode.op("Gather").inputs(indices, graph.int64s(true, 0)).attr("axis", 1L));
    String hits = graph.addOne(OnnxNode.op("Equal").inputs(Tensors.unsqueeze(graph, rowIds, 1), entryRows));
    String used = graph.addOne(OnnxNode.op("ReduceSum").inputs(graph.cast(hits, ElementType.I64), graph.int64s(false, 1)).attr("keepdims", 0L));
    String empty = graph.addOne(OnnxNode.op("Equal").inputs(used, graph.int64s(true, 0)));
    graph.add(OnnxNode.op("Identity").inputs(empty).outputs(node.output(2)));
    String newRows = Tensors.transpose(graph, graph.addOne(OnnxNode.op("NonZero").inputs(empty)), 1, 0);
    String newIndices = graph.addOne(OnnxNode.op("Concat").inputs(newRows, graph.addOne(OnnxNode.op("Mul").inputs(newRows, graph.int64s(true, 0))))
        .attr("axis", 1L));
    String newCount = graph.addOne(OnnxNode.op("Slice").inputs(graph.addOne(OnnxNode.op("Shape").inputs(newRows)), graph.int64s(false, 0), graph.int64s(false, 1)));
    String fill = graph.addOne(OnnxNode.op("Expand").inputs(
        graph.addOne(OnnxNode.op("Reshape").inputs(node.input(3), graph.int64s(false, 1))), newCount));
    String allIndices = graph.addOne(OnnxNode.op("Concat").inputs(indices, newIndices).attr("axis", 0L));
    String allValues = graph.addOne(OnnxNode.op("Concat").inputs(node.input(0), fill).attr("axis", 0L));
    String total = graph.addOne(OnnxNode.op("Slice").inputs(graph.addOne(OnnxNode.op("Shape").inputs(allValues)), graph.int64s(false, 0), graph.int64s(false, 1)));
    String positions = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0),
        graph.addOne(OnnxNode.op("Reshape").inputs(total, graph.int64s(false))), graph.int64s(true, 1)));
    String allRows = graph.addOne(OnnxNode.op("Gather").inputs(allIndices, graph.int64s(true, 0)).attr("axis", 1L));
    String allColumns = graph.addOne(OnnxNode.op("Gather").inputs(allIndices, graph.int64s(true, 1)).attr("axis", 1L));
    String columns = graph.addOne(OnnxNode.op("Gather").inputs(Tensors.int64Input(node, graph, 1), graph.int64s(true, 1)));
    String cell = graph.addOne(OnnxNode.op("Add").inputs(graph.addOne(OnnxNode.op("Mul").inputs(allRows, columns)), allColumns));
    String key = graph.addOne(OnnxNode.op("Add").inputs(graph.addOne(OnnxNode.op("Mul").inputs(cell, total)), positions));
    List<String> order = graph.add(OnnxNode.op("TopK").inputs(key, total).attr("largest", 0L).attr("sorted", 1L).outputCount(2));
    String sortedIndices = graph.addOne(OnnxNode.op("Gather").inputs(allIndices, order.get(1)));
    graph.add(OnnxNode.op("Identity").inputs(Tensors.castIfNeeded(graph, sortedIndices, ElementType.I64, indexType)).outputs(node.output(0)));
    graph.add(OnnxNode.op("Gather").inputs(allValues, order.get(1)).outputs(node.output(1)));
  }
}
