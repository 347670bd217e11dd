package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;

/**
 * Inverse: ONNX has no matrix inverse, so Gauss-Jordan elimination with partial pivoting,
 * unrolled over the (static) matrix size n on a {@code [batch, n, n]} view of the input (the batch
 * may be dynamic). Step k swaps row k with the row of the largest |pivot| at or below it (a
 * GatherElements), divides it by the pivot, and subtracts {@code (A[:, k] - e_k) * row} from every
 * row of A and of X (started as the identity), which also leaves the scaled row k in place. X ends
 * as the inverse; adjoint transposes it. This is the same inverse as OpenVINO's LU decomposition
 * up to rounding, which grows with the matrix's condition number. f16 and bf16 compute in f32.
 */
@ConvertsOp(type = "Inverse", versions = 14,
    notes = "Gauss-Jordan elimination with partial pivoting, unrolled over the static matrix size (rounding differs from OpenVINO's LU with the condition number)")
public final class InverseConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.FLOATS, "Inverse's decomposition");
    int rank = Tensors.inputRank(node, 0);
    Dimension last = node.inputShape(0).dims().get(rank - 1);
    if (!last.isStatic()) {
      throw node.error("needs a static matrix size: the elimination is unrolled over it");
    }
    int n = (int) last.length();
    ElementType work = t == ElementType.F64 ? t : ElementType.F32;
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String a = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.castIfNeeded(graph, node.input(0), t, work), graph.int64s(false, -1, n, n)));
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1;
    }
    String abShape = graph.addOne(OnnxNode.op("Shape").inputs(a));
    String x = graph.addOne(OnnxNode.op("Expand").inputs(graph.constant(work, new long[] {n, n}, identity), abShape));
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    String rowIds = graph.int64s(false, rows);
    for (int k = 0; k < n; k++) {
      String kk = graph.int64s(true, k);
      if (k < n - 1) {
        String column = graph.addOne(OnnxNode.op("Gather").inputs(a, kk).attr("axis", 2L));
        String below = graph.addOne(OnnxNode.op("Slice").inputs(column, graph.int64s(false, k), graph.int64s(false, n), graph.int64s(false, 1)));
        String best = graph.addOne(OnnxNode.op("ArgMax").inputs(graph.addOne(OnnxNode.op("Abs").inputs(below))).attr("axis", 1L).attr("keepdims", 1L));
        String pivotRow = graph.addOne(OnnxNode.op("Add").inputs(best, kk));
        String isK = graph.addOne(OnnxNode.op("Equal").inputs(rowIds, kk));
        String isPivot = graph.addOne(OnnxNode.op("Equal").inputs(rowIds, pivotRow));
        String perm = graph.addOne(OnnxNode.op("Where").inputs(isPivot, kk, graph.addOne(OnnxNode.op("Where").inputs(isK, pivotRow, rowIds))));
        String index = graph.addOne(OnnxNode.op("Expand").inputs(Tensors.unsqueeze(graph, perm, 2), abShape));
        a = graph.addOne(OnnxNode.op("GatherElements").inputs(a, index).attr("axis", 1L));
        x = graph.addOne(OnnxNode.op("GatherElements").inputs(x, index).attr("axis", 1L));
      }
      String rowA = graph.addOne(OnnxNode.op("Gather").inputs(a, kk).attr("axis", 1L));
      String pivot = graph.addOne(OnnxNode.op("Gather").inputs(rowA, graph.int64s(false, k)).attr("axis", 1L));
      String rowX = graph.addOne(OnnxNode.op("Div").inputs(graph.addOne(OnnxNode.op("Gather").inputs(x, kk).attr("axis", 1L)), pivot));
      double[] unit = new double[n];
      unit[k] = 1;
      String factors = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Gather").inputs(a, kk).attr("axis", 2L)),
          graph.constant(work, new long[] {n}, unit)));
      String f = Tensors.unsqueeze(graph, factors, 2);
      x = graph.addOne(OnnxNode.op("Sub").inputs(x, graph.addOne(OnnxNode.op("Mul").inputs(f, Tensors.unsqueeze(graph, rowX, 1)))));
      if (k < n - 1) {
        String scaledA = graph.addOne(OnnxNode.op("Div").inputs(rowA, pivot));
        a = graph.addOne(OnnxNode.op("Sub").inputs(a, graph.addOne(OnnxNode.op("Mul").inputs(f, Tensors.unsqueeze(graph, scaledA, 1)))));
      }
    }
    if (node.boolAttr("adjoint")) {
      x = Tensors.transpose(graph, x, 0, 2, 1);
    }
    OnnxNode result = OnnxNode.op("Reshape").inputs(x, shape);
    if (work == t) {
      graph.add(result.outputs(node.output(0)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(result)).outputs(node.output(0)).attr("to", (long) graph.onnxType(t)));
    }
  }
}
