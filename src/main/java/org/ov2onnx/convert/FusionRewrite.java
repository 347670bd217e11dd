package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.SourceGraph;

/**
 * Fused ONNX operations ONNX Runtime runs at its best ({@link Fusions}): MVN → Multiply → Add over
 * the normalized axes as one LayerNormalization (opset 17+), Maximum → Minimum with scalar bounds
 * as one Clip, x · clamp(x + 3, 0, 6) / 6 as one HardSwish, a convolution's Multiply/Add by a
 * constant shaped for ONNX Runtime's Conv folding, other such Multiply → Add pairs as one
 * BatchNormalization. Each chain is emitted at its first node; the nodes it absorbs convert to nothing.
 */
public final class FusionRewrite implements GraphRewrite {
  @Override
  public String name() {
    return "fusions";
  }

  @Override
  public String description() {
    return "MVN → Multiply(constant) → Add(constant) over the normalized axes → LayerNormalization (opset 17+); "
        + "Maximum(x, scalar lo) → Minimum(scalar hi), lo ≤ hi → Clip; "
        + "x · clamp(x + 3, 0, 6) / 6 (Add, Maximum → Minimum or Clamp, Multiply, Divide or Multiply by 1/6) → HardSwish; "
        + "Multiply/Add by a one-value or per-channel constant after a convolution → the constant second, shaped [C, 1, …] "
        + "(ONNX Runtime folds it into the Conv); "
        + "other Multiply → Add by one-value or per-channel f32 constants → BatchNormalization(mean 0, var 1, epsilon 0)";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    if (!(graph instanceof GraphIndex index)) {
      return matches;
    }
    Fusions fusions = Fusions.find(index, opset);
    for (Map.Entry<Integer, int[]> chain : fusions.chains().entrySet()) {
      int head = chain.getKey();
      int[] nodes = new int[chain.getValue().length + 1];
      nodes[0] = head;
      System.arraycopy(chain.getValue(), 0, nodes, 1, chain.getValue().length);
      boolean free = true;
      for (int n : nodes) {
        free &= !claimed.test(n);
      }
      if (free) {
        matches.add(new Match(head, nodes, out -> fusions.convert(head, out)));
      }
    }
    return matches;
  }
}
