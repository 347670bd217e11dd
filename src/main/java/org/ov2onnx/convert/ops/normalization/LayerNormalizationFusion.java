package org.ov2onnx.convert.ops.normalization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * ONNX's LayerNormalization (opset 17) for an MVN, optionally followed by a Multiply by a constant
 * scale and an Add of a constant bias over the normalized axes (how layer norms reach OpenVINO).
 *
 * <p>LayerNormalization normalizes over axes {@code axis..rank-1} with eps inside the root, so the
 * MVN must normalize the variance with eps inside the root, over constant trailing axes of a
 * static rank, with static sizes there (for the scale), in f32 or f16 (which ONNX Runtime's CPU
 * kernel runs). The driver finds the Multiply/Add chain (it knows the consumers); this class
 * decides what is exact and emits the node.
 */
public final class LayerNormalizationFusion {
  /** Normalized sizes up to which a scale and bias are written out. */
  private static final int MAX_NORMALIZED = 1 << 16;

  private LayerNormalizationFusion() {}

  /** The LayerNormalization {@code axis} that computes this MVN exactly at {@code opset}, or -1. */
  public static int axis(NodeView mvn, int opset) throws ConversionException {
    ElementType type = mvn.inputType(0);
    PartialShape shape = mvn.inputShape(0);
    if (opset < 17 || shape.isRankDynamic() || (type != ElementType.F32 && type != ElementType.F16)
        || !mvn.boolAttr("normalize_variance")) {
      return -1;
    }
    int rank = shape.rank();
    long[] axes;
    if (mvn.version() == 2) {
      axes = MvnConverter.reductionAxes(mvn);
    } else {
      if (!mvn.stringAttr("eps_mode").toLowerCase(Locale.ROOT).equals("inside_sqrt")
          || mvn.constantInput(1).isEmpty()) {
        return -1;
      }
      axes = mvn.constantInts(1);
    }
    long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
    if (sorted.length == 0) {
      return -1;
    }
    int axis = rank - sorted.length;
    long size = 1;
    for (int k = 0; k < sorted.length; k++) {
      Dimension d = shape.dims().get(axis + k);
      if (sorted[k] != axis + k || !d.isStatic()) {
        return -1;
      }
      size *= d.length();
    }
    return size <= MAX_NORMALIZED ? axis : -1;
  }

  /** The static sizes of the normalized axes. */
  private static long[] normalizedShape(NodeView mvn, int axis) {
    PartialShape shape = mvn.inputShape(0);
    long[] dims = new long[shape.rank() - axis];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = shape.dims().get(axis + d).length();
    }
    return dims;
  }

  /**
   * The values that {@code op} (a Multiply or Add of numpy broadcast, whose input {@code value}
   * is the normalized tensor) applies, expanded to the normalized shape of {@code mvn}: when its
   * other input is a constant of the same element type that broadcasts over the normalized axes
   * only (and so leaves the output's shape that of the MVN). Otherwise empty.
   */
  public static Optional<double[]> affine(NodeView mvn, int axis, NodeView op, int value) throws ConversionException {
    int other = 1 - value;
    if (!op.attributes().containsKey("auto_broadcast")
        || !op.stringAttr("auto_broadcast").toLowerCase(Locale.ROOT).equals("numpy")
        || op.inputType(other) != mvn.inputType(0) || op.inputShape(other).isRankDynamic()
        || !op.outputShape(0).equals(mvn.inputShape(0))) {
      return Optional.empty();
    }
    Optional<ConstantData> data = op.constantInput(other);
    if (data.isEmpty()) {
      return Optional.empty();
    }
    long[] constShape = data.get().shape();
    long[] norm = normalizedShape(mvn, axis);
    int rank = mvn.inputShape(0).rank();
    if (constShape.length > rank) {
      return Optional.empty();
    }
    // left-pad the constant's shape to the input's rank: leading axes must be 1, normalized ones 1 or equal
    long[] padded = new long[norm.length];
    for (int d = 0; d < rank; d++) {
      int c = d - (rank - constShape.length);
      long len = c < 0 ? 1 : constShape[c];
      if (d < axis && len != 1) {
        return Optional.empty();
      }
      if (d >= axis) {
        if (len != 1 && len != norm[d - axis]) {
          return Optional.empty();
        }
        padded[d - axis] = len;
      }
    }
    double[] values = op.constantDoubles(other);
    int size = (int) Arrays.stream(norm).reduce(1, Math::multiplyExact);
    double[] expanded = new double[size];
    for (int flat = 0; flat < size; flat++) {
      int rest = flat;
      int source = 0;
      int stride = 1;
      for (int d = norm.length - 1; d >= 0; d--) {
        int index = (int) (rest % norm[d]);
        rest /= (int) norm[d];
        if (padded[d] != 1) {
          source += index * stride;
        }
        stride *= (int) padded[d];
      }
      expanded[flat] = values[source];
    }
    return Optional.of(expanded);
  }

  /**
   * Emits {@code LayerNormalization(x, scale, bias)} for {@code mvn} into {@code output}; a null
   * scale is ones, a null bias is none.
   */
  public static void emit(NodeView mvn, GraphBuilder graph, double[] scale, double[] bias, String output)
      throws ConversionException {
    int axis = axis(mvn, graph.opset());
    long[] shape = normalizedShape(mvn, axis);
    ElementType type = mvn.inputType(0);
    double[] ones = scale;
    if (ones == null) {
      ones = new double[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
      Arrays.fill(ones, 1);
    }
    OnnxNode node = OnnxNode.op("LayerNormalization").outputs(output).attr("axis", (long) axis)
        .attr("epsilon", mvn.floatAttr("eps"));
    if (bias == null) {
      node.inputs(mvn.input(0), graph.constant(type, shape, ones));
    } else {
      node.inputs(mvn.input(0), graph.constant(type, shape, ones), graph.constant(type, shape, bias));
    }
    graph.add(node);
  }
}
