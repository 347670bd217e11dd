package org.ov2onnx.convert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.ops.activation.HSwishConverter;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.Node;

/**
 * x · clamp(x + 3, 0, 6) / 6 as one HardSwish: how OpenVINO's readers express an ONNX or Paddle
 * HardSwish that the exporter decomposed (MobileNetV3-style CNNs have one after most
 * convolutions). Four elementwise passes over the tensor become one (ONNX Runtime expands
 * HardSwish to HardSigmoid and Mul, still two passes fewer).
 *
 * <p>The chain, each node numpy broadcast, f32 or f16, each intermediate value read only by the next
 * node and no node broadcasting x to a larger shape:
 *
 * <pre>
 *   a = Add(x, 3)                      (either input order)
 *   c = Minimum(Maximum(a, 0), 6)      (either input order in each), or Clamp(a, min 0, max 6)
 *   m = Multiply(x, c)                 (the same x, either order)
 *   y = Divide(m, 6)  or  Multiply(m, 1/6 rounded to the type)
 * </pre>
 *
 * HardSwish computes x · max(0, min(1, x/6 + 1/2)): the same function, rounded in a different order
 * (within a few units in the last place of the result; OpenVINO's own CPU plugin fuses the chain
 * into its HSwish the same way). Any other constant, order or shape leaves the nodes to their own
 * converters.
 */
final class HardSwishFusion {
  private HardSwishFusion() {}

  record Chain(int[] nodes, Fusions.Emitter emitter) {}

  /** The HardSwish chain headed by the Add node {@code add}, if it is one. */
  static Optional<Chain> find(GraphIndex index, Map<Integer, List<int[]>> consumers, int add)
      throws ConversionException {
    // the structure first (cheap), the constants after
    int[] lower = next(index, consumers, add, "Maximum", "Clamp");
    if (lower == null) {
      return Optional.empty();
    }
    boolean clamp = index.types.get(lower[0]).equals("Clamp");
    int[] upper = clamp ? lower : next(index, consumers, lower[0], "Minimum");
    if (upper == null) {
      return Optional.empty();
    }
    int[] mul = next(index, consumers, upper[0], "Multiply");
    if (mul == null) {
      return Optional.empty();
    }
    int[] tail = next(index, consumers, mul[0], "Divide", "Multiply");
    if (tail == null) {
      return Optional.empty();
    }
    NodeViewImpl addView = new NodeViewImpl(index, add);
    int x = Fusions.scalarOperand(addView);
    if (x < 0 || !isScalar(addView, 1 - x, 3)) {
      return Optional.empty();
    }
    if (clamp) {
      NodeViewImpl c = new NodeViewImpl(index, lower[0]);
      if (c.floatAttr("min") != 0 || c.floatAttr("max") != 6 || !c.outputShape(0).equals(c.inputShape(0))) {
        return Optional.empty();
      }
    } else if (!bound(index, lower, 0) || !bound(index, upper, 6)) {
      return Optional.empty();
    }
    // Multiply(x, c): its other input is the Add's x, and it broadcasts neither
    NodeViewImpl mulView = new NodeViewImpl(index, mul[0]);
    Node.Source xs = index.sources.get(add).get(x);
    Node.Source other = index.sources.get(mul[0]).get(1 - mul[1]);
    if (!xs.equals(other) || !Fusions.numpy(mulView) || !mulView.outputShape(0).equals(addView.inputShape(x))) {
      return Optional.empty();
    }
    NodeViewImpl tailView = new NodeViewImpl(index, tail[0]);
    boolean divide = index.types.get(tail[0]).equals("Divide");
    if (Fusions.scalarOperand(tailView) != tail[1]
        || !(divide ? isScalar(tailView, 1 - tail[1], 6) && tail[1] == 0 : isSixth(tailView, 1 - tail[1]))) {
      return Optional.empty();
    }
    String input = addView.input(x);
    String output = index.valueName(tail[0], 0);
    int[] nodes = clamp ? new int[] {add, lower[0], mul[0], tail[0]}
        : new int[] {add, lower[0], upper[0], mul[0], tail[0]};
    return Optional.of(new Chain(nodes, graph -> HSwishConverter.emit(graph, input, output)));
  }

  /** The (node, input) alone reading {@code node}'s only output, if its type is one of {@code types}. */
  private static int[] next(GraphIndex index, Map<Integer, List<int[]>> consumers, int node, String... types) {
    for (String t : types) {
      int[] reader = Fusions.onlyConsumer(index, consumers, node, t);
      if (reader != null) {
        return reader;
      }
    }
    return null;
  }

  /** Maximum(a, lo) or Minimum(a, hi) with the scalar bound {@code value}, reading a at {@code reader[1]}. */
  private static boolean bound(GraphIndex index, int[] reader, double value) throws ConversionException {
    NodeViewImpl v = new NodeViewImpl(index, reader[0]);
    return Fusions.scalarOperand(v) == reader[1] && isScalar(v, 1 - reader[1], value);
  }

  private static boolean isScalar(NodeViewImpl node, int input, double value) throws ConversionException {
    return oneValue(node, input) && node.constantDoubles(input)[0] == value;
  }

  /** A one-element constant equal to 1/6 rounded to f32 (an f16 1/6 rounds differently: not fused). */
  private static boolean isSixth(NodeViewImpl node, int input) throws ConversionException {
    return oneValue(node, input) && node.constantDoubles(input)[0] == (double) (float) (1.0 / 6);
  }

  /** A constant input of one element (checked before its data is read: it may be a whole tensor). */
  private static boolean oneValue(NodeViewImpl node, int input) throws ConversionException {
    return node.constantInput(input).map(c -> c.elementCount() == 1).orElse(false);
  }
}
