package org.ov2onnx.convert;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * Multiply(x, s) → Add(·, b) with s and b constants of one value or one per channel (axis 1), f32:
 * one BatchNormalization(x, scale s, bias b, mean 0, var 1, epsilon 0), one pass over the tensor
 * instead of two. PP-OCRv4's learnable affine blocks after a HardSwish are such pairs (those right
 * after a convolution are left to {@link ConvAffineFusion}, which ONNX Runtime folds into the Conv).
 *
 * <p>BatchNormalization computes (x − 0) / √(1 + 0) · s + b: √1 is exactly 1, so it is x · s + b,
 * OpenVINO's function (ONNX Runtime's kernel multiplies by s / √(var + ε) = s and adds b − mean · s
 * = b). x must have a static channel axis and rank at least 2; the Multiply must be read by the
 * Add alone, and neither may broadcast x to a larger shape.
 */
final class ChannelAffineFusion {
  private ChannelAffineFusion() {}

  record Chain(int[] nodes, Fusions.Emitter emitter) {}

  /** The chain headed by the Multiply node {@code mul}, if it is one. */
  static Optional<Chain> find(GraphIndex index, Map<Integer, List<int[]>> consumers, int mul)
      throws ConversionException {
    if (!index.types.get(mul).equals("Multiply") || index.versions.get(mul) != 1) {
      return Optional.empty();
    }
    int[] add = Fusions.onlyConsumer(index, consumers, mul, "Add");
    if (add == null) {
      return Optional.empty();
    }
    NodeViewImpl mulView = new NodeViewImpl(index, mul);
    NodeViewImpl addView = new NodeViewImpl(index, add[0]);
    int x = valueInput(index, mul);
    if (x < 0 || !valueInputIs(index, add[0], add[1]) || mulView.outputType(0) != ElementType.F32) {
      return Optional.empty();
    }
    PartialShape shape = mulView.inputShape(x);
    if (shape.isRankDynamic() || shape.rank() < 2 || !shape.dims().get(1).isStatic()
        || !shape.equals(mulView.outputShape(0)) || !shape.equals(addView.outputShape(0))
        || !Fusions.numpy(mulView) || !Fusions.numpy(addView)) {
      return Optional.empty();
    }
    Dimension channels = shape.dims().get(1);
    double[] scale = perChannel(mulView, 1 - x, channels.min(), shape.rank());
    double[] bias = scale == null ? null : perChannel(addView, 1 - add[1], channels.min(), shape.rank());
    if (scale == null || bias == null) {
      return Optional.empty();
    }
    int c = scale.length;
    String input = mulView.input(x);
    String output = index.valueName(add[0], 0);
    double[] zeros = new double[c];
    double[] ones = new double[c];
    Arrays.fill(ones, 1);
    long[] dims = {c};
    return Optional.of(new Chain(new int[] {mul, add[0]}, graph -> graph.add(OnnxNode.op("BatchNormalization")
        .inputs(input, graph.constant(ElementType.F32, dims, scale), graph.constant(ElementType.F32, dims, bias),
            graph.constant(ElementType.F32, dims, zeros), graph.constant(ElementType.F32, dims, ones))
        .attr("epsilon", 0.0)
        .outputs(output))));
  }

  /** The non-constant input of {@code node} when its other input is a Constant node; else -1. */
  private static int valueInput(GraphIndex index, int node) {
    boolean c0 = index.types.get(index.sources.get(node).get(0).node()).equals("Constant");
    boolean c1 = index.types.get(index.sources.get(node).get(1).node()).equals("Constant");
    return c0 == c1 ? -1 : c0 ? 1 : 0;
  }

  private static boolean valueInputIs(GraphIndex index, int node, int input) {
    return valueInput(index, node) == input;
  }

  /** The constant input's values per channel, or null when it is not one value or one per channel. */
  private static double[] perChannel(NodeViewImpl node, int input, long c, int rank) throws ConversionException {
    Optional<ConstantData> data = node.constantInput(input);
    if (data.isEmpty() || data.get().elementType() != ElementType.F32) {
      return null;
    }
    return ConvAffineFusion.perChannel(node, input, data.get(), c, rank);
  }
}
