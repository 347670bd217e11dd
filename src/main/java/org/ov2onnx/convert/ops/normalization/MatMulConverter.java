package org.ov2onnx.convert.ops.normalization;

import java.util.EnumSet;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * MatMul becomes ONNX MatMul (both follow numpy's rules, 1-D operands included), with a Transpose
 * of the two innermost axes for {@code transpose_a} / {@code transpose_b}. As in OpenVINO, the
 * transpose flags do not apply to a 1-D operand.
 */
@ConvertsOp(type = "MatMul", versions = 1, notes = "MatMul (+ Transpose); a transposed operand needs a static rank")
public final class MatMulConverter implements OpConverter {
  private static final Set<ElementType> ONNX_TYPES =
      EnumSet.of(
          ElementType.F16, ElementType.BF16, ElementType.F32, ElementType.F64,
          ElementType.I32, ElementType.I64, ElementType.U32, ElementType.U64);

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (!ONNX_TYPES.contains(node.inputType(0))) {
      throw node.error("multiplies " + node.inputType(0) + " matrices; ONNX MatMul takes only float, int32/64 and uint32/64 types");
    }
    String a = operand(node, graph, 0, node.boolAttr("transpose_a"));
    String b = operand(node, graph, 1, node.boolAttr("transpose_b"));
    graph.add(OnnxNode.op("MatMul").inputs(a, b).outputs(node.output(0)));
  }

  static String operand(NodeView node, GraphBuilder graph, int i, boolean transpose) throws ConversionException {
    if (!transpose) {
      return node.input(i);
    }
    if (node.inputShape(i).isRankDynamic()) {
      throw node.error("transposes input " + i + ", whose rank is dynamic (ONNX Transpose needs a permutation)");
    }
    int rank = node.inputShape(i).rank();
    if (rank < 2) {
      return node.input(i);
    }
    return graph.addOne(OnnxNode.op("Transpose").inputs(node.input(i)).attr("perm", swapLastTwo(rank)));
  }

  /** The permutation 0, 1, ..., rank-1, rank-2. */
  static long[] swapLastTwo(int rank) {
    long[] perm = new long[rank];
    for (int d = 0; d < rank; d++) {
      perm[d] = d;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return perm;
  }
}
