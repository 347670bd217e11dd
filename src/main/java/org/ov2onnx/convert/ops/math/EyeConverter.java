package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Eye: a {@code rows x columns} matrix with ones where {@code column - row == diagonal_index},
 * repeated over an optional batch shape. Built for any (run-time) sizes and diagonal:
 * {@code Equal(Range(columns) - Range(rows)[:, None], diagonal)}, Cast to output_type, Expand to
 * {@code batch_shape + [rows, columns]}. (ONNX EyeLike would need the sizes as a static shape.)
 */
@ConvertsOp(type = "Eye", versions = 9, notes = "Equal(Range - Range, diagonal) + Cast (+ Expand over batch_shape)")
public final class EyeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String rows = scalar(node, graph, 0);
    String columns = scalar(node, graph, 1);
    String diagonal = scalar(node, graph, 2);
    String zero = graph.int64s(true, 0);
    String one = graph.int64s(true, 1);
    String r = Tensors.unsqueeze(graph, graph.addOne(OnnxNode.op("Range").inputs(zero, rows, one)), 1);
    String c = graph.addOne(OnnxNode.op("Range").inputs(zero, columns, one));
    String offset = graph.addOne(OnnxNode.op("Sub").inputs(c, r));
    String ones = graph.addOne(OnnxNode.op("Equal").inputs(offset, diagonal));
    long to = graph.onnxType(node.outputType(0));
    if (node.inputCount() < 4) {
      graph.add(OnnxNode.op("Cast").inputs(ones).outputs(node.output(0)).attr("to", to));
      return;
    }
    String matrix = graph.addOne(OnnxNode.op("Cast").inputs(ones).attr("to", to));
    String size = graph.addOne(OnnxNode.op("Concat").inputs(Tensors.int64Input(node, graph, 3),
        Tensors.toVector(graph, rows), Tensors.toVector(graph, columns)).attr("axis", 0L));
    graph.add(OnnxNode.op("Expand").inputs(matrix, size).outputs(node.output(0)));
  }

  /** Input {@code i} (a scalar or a one-element 1-D tensor) as an int64 scalar. */
  private static String scalar(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    return graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, i), graph.int64s(false)));
  }
}
