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
 * A Multiply or Add by a constant that is one value or one per channel, on a convolution's output
 * (directly, or through other such nodes, each the only reader of the one before), written the way
 * ONNX Runtime's ConvMulFusion and ConvAddFusion fold into the Conv's weights and bias: the
 * constant as the second input, shaped [C, 1, …, 1] (a Multiply's one value as a scalar). OpenVINO's readers keep such constants as
 * they were written, e.g. a learnable affine block's scale and bias as [1]-shaped first inputs
 * (PP-OCRv4's backbone has one after most convolutions), which ONNX Runtime then cannot fold.
 *
 * <p>Exact: Add and Multiply commute, and a [C, 1, …, 1] constant broadcast over a tensor of shape
 * [N, C, …] (channel count C static) gives every element the same operand as the one value or the
 * [1, C, 1, …] constant did. The node keeps its output; nothing is absorbed.
 */
final class ConvAffineFusion {
  private ConvAffineFusion() {}

  /** At most this many Add/Multiply nodes between the convolution and the node. */
  private static final int MAX_CHAIN = 4;

  /** The rewritten node {@code i} (a Multiply or Add), if it is such a node. */
  static Optional<Fusions.Emitter> find(GraphIndex index, Map<Integer, List<int[]>> consumers, int i)
      throws ConversionException {
    // the structure first (cheap): a convolution up the chain of single-reader Add/Multiply nodes
    if (!afterConvolution(index, consumers, i)) {
      return Optional.empty();
    }
    NodeViewImpl node = new NodeViewImpl(index, i);
    ElementType t = node.outputType(0);
    if ((t != ElementType.F32 && t != ElementType.F16) || !Fusions.numpy(node)) {
      return Optional.empty();
    }
    int value = valueInput(index, i);
    PartialShape shape = node.outputShape(0);
    if (value < 0 || shape.isRankDynamic() || shape.rank() < 3 || !shape.equals(node.inputShape(value))) {
      return Optional.empty();
    }
    Dimension channels = shape.dims().get(1);
    Optional<ConstantData> constant = node.constantInput(1 - value);
    if (!channels.isStatic() || constant.isEmpty() || constant.get().elementType() != t) {
      return Optional.empty();
    }
    double[] perChannel = perChannel(node, 1 - value, constant.get(), channels.min(), shape.rank());
    if (perChannel == null) {
      return Optional.empty();
    }
    int c = perChannel.length;
    long[] constShape = new long[shape.rank() - 1];
    Arrays.fill(constShape, 1);
    constShape[0] = c;
    String input = node.input(value);
    String output = node.output(0);
    String op = index.types.get(i).equals("Add") ? "Add" : "Mul";
    // ConvMulFusion also takes a scalar (smaller); ConvAddFusion only [C, 1, …]
    boolean scalar = op.equals("Mul") && constant.get().elementCount() == 1;
    return Optional.of(graph -> graph.add(OnnxNode.op(op)
        .inputs(input, scalar ? graph.scalar(t, perChannel[0]) : graph.constant(t, constShape, perChannel))
        .outputs(output)));
  }

  /**
   * Whether node {@code i} is a Multiply-1 or Add-1 whose non-constant input comes, through at most
   * {@link #MAX_CHAIN} Add-1/Multiply-1 nodes each read only by the next, from a Convolution-1 or
   * GroupConvolution-1 read only by that chain (ShapeOf readers aside).
   */
  private static boolean afterConvolution(GraphIndex index, Map<Integer, List<int[]>> consumers, int i) {
    int node = i;
    for (int step = 0; step <= MAX_CHAIN; step++) {
      String type = index.types.get(node);
      if (index.versions.get(node) != 1 || !(type.equals("Add") || type.equals("Multiply"))) {
        return false;
      }
      int value = valueInput(index, node);
      if (value < 0) {
        return false;
      }
      int producer = index.sources.get(node).get(value).node();
      if (index.sources.get(node).get(value).port() != 0 || index.outputs.get(producer).size() != 1
          || dataReaders(index, consumers, producer) != 1) {
        return false;
      }
      String p = index.types.get(producer);
      if ((p.equals("Convolution") || p.equals("GroupConvolution")) && index.versions.get(producer) == 1) {
        return true;
      }
      node = producer;
    }
    return false;
  }

  /**
   * How many nodes read {@code node}'s output other than for its shape: OpenVINO's reader computes
   * a convolution's bias shape from ShapeOf of its output, which ONNX Runtime folds away.
   */
  private static int dataReaders(GraphIndex index, Map<Integer, List<int[]>> consumers, int node) {
    int n = 0;
    for (int[] reader : consumers.getOrDefault(node, List.of())) {
      n += index.types.get(reader[0]).equals("ShapeOf") ? 0 : 1;
    }
    return n;
  }

  /**
   * The input of binary node {@code i} that is not a Constant node, when the other one is; else the
   * first input when neither is (a bias Add reads a Reshape of its constant, which OpenVINO may
   * still evaluate); -1 when both are.
   */
  private static int valueInput(GraphIndex index, int i) {
    boolean c0 = index.types.get(index.sources.get(i).get(0).node()).equals("Constant");
    boolean c1 = index.types.get(index.sources.get(i).get(1).node()).equals("Constant");
    if (c0 && c1) {
      return -1;
    }
    return c0 ? 1 : 0;
  }

  /**
   * The constant's C values along the channel axis when it is one value or one per channel of a
   * rank-{@code rank} tensor (shape [C], [C, 1, …] or [1, C, 1, …] as numpy aligns it, to axis 1);
   * else null.
   */
  /** Most channels a one-value constant is expanded to: a declared shape could ask for any number. */
  static final long MAX_CHANNELS = 1 << 20;

  /**
   * The values of constant input {@code input} ({@code data}) per channel when it holds one value or
   * one per channel of {@code c}; else null. Its size is checked before anything is read: these
   * fusions look at every Multiply and Add, whose constants may be whole tensors.
   */
  static double[] perChannel(NodeViewImpl node, int input, ConstantData data, long c, int rank)
      throws ConversionException {
    long n = data.elementCount();
    if (c < 1 || c > MAX_CHANNELS || (n != 1 && n != c)) {
      return null;
    }
    return perChannel(data.shape(), node.constantDoubles(input), (int) c, rank);
  }

  private static double[] perChannel(long[] shape, double[] values, int c, int rank) {
    if (values.length == 1) {
      double[] out = new double[c];
      Arrays.fill(out, values[0]);
      return out;
    }
    if (values.length != c || shape.length > rank) {
      return null;
    }
    // right-aligned to the output's rank, the one non-1 axis must be axis 1
    for (int d = 0; d < shape.length; d++) {
      int axis = rank - shape.length + d;
      if (shape[d] != 1 && axis != 1) {
        return null;
      }
    }
    return values;
  }
}
