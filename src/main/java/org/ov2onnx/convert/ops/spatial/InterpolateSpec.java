package org.ov2onnx.convert.ops.spatial;

import java.util.Arrays;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.openvino.PartialShape;

/**
 * One Interpolate node (any version) in the terms of Interpolate-4's attributes, which is how
 * OpenVINO itself runs all three: Interpolate-1 through its ConvertInterpolate1ToInterpolate4
 * transformation, Interpolate-11 as Interpolate-4 with one shape input and two Pillow modes.
 *
 * @param rank the static rank of the data input
 * @param mode the interpolation mode
 * @param coordinate coordinate_transformation_mode, as OpenVINO spells it
 * @param nearest nearest_mode, as OpenVINO spells it
 * @param antialias the antialias flag
 * @param cubeCoeff cube_coeff
 * @param padsBegin zero padding before each axis (length {@code rank})
 * @param padsEnd zero padding after each axis (length {@code rank})
 * @param axes the interpolated axes, in the order of the sizes/scales values
 * @param bySizes whether the output shape comes from sizes (else from scales)
 * @param shapeInput the index of the input holding the sizes or the scales
 */
record InterpolateSpec(
    int rank,
    Mode mode,
    String coordinate,
    String nearest,
    boolean antialias,
    double cubeCoeff,
    long[] padsBegin,
    long[] padsEnd,
    int[] axes,
    boolean bySizes,
    int shapeInput) {

  enum Mode {
    NEAREST,
    LINEAR,
    LINEAR_ONNX,
    CUBIC,
    BILINEAR_PILLOW,
    BICUBIC_PILLOW;

    static Mode of(NodeView node, String name) throws ConversionException {
      for (Mode m : values()) {
        if (m.name().toLowerCase().equals(name)) {
          return m;
        }
      }
      throw node.error("interpolation mode '" + name + "' is not known");
    }
  }

  /** Interpolate-1 (data, target_spatial_shape), as ConvertInterpolate1ToInterpolate4 rewrites it. */
  static InterpolateSpec v1(NodeView node) throws ConversionException {
    int rank = staticRank(node);
    int[] axes = Arrays.stream(node.intsAttr("axes")).mapToInt(a -> axis(node, a, rank)).sorted().distinct().toArray();
    long[] padsBegin = pads(node, "pads_begin", rank);
    long[] padsEnd = pads(node, "pads_end", rank);
    String name = node.stringAttr("mode");
    Mode mode =
        switch (name) {
          case "nearest" -> Mode.NEAREST;
          case "cubic" -> Mode.CUBIC;
          case "linear_onnx" -> Mode.LINEAR_ONNX;
          case "linear" -> {
            if (rank > 5) {
              throw node.error("mode 'linear' on a rank-" + rank + " input: OpenVINO defines it only up to rank 5");
            }
            yield rank == 5 ? Mode.LINEAR : Mode.LINEAR_ONNX;
          }
          case "area" -> throw node.error("mode 'area' has no ONNX Resize equivalent (and OpenVINO's CPU plugin does not run it)");
          default -> throw node.error("interpolation mode '" + name + "' is not known");
        };
    boolean unpadded = Arrays.stream(padsBegin).allMatch(p -> p == 0) && Arrays.stream(padsEnd).allMatch(p -> p == 0);
    String coordinate = "asymmetric";
    if (node.boolAttr("align_corners")) {
      coordinate = "align_corners";
    } else if ((mode == Mode.LINEAR || mode == Mode.LINEAR_ONNX)
        && unpadded
        && !(rank == 4 && Arrays.equals(axes, new int[] {2, 3}))) {
      coordinate = "half_pixel";
    }
    return new InterpolateSpec(rank, mode, coordinate, "simple", node.boolAttr("antialias"), -0.75, padsBegin, padsEnd, axes, true, 1);
  }

  /** Interpolate-4 (data, sizes, scales[, axes]) and Interpolate-11 (data, scales_or_sizes[, axes]). */
  static InterpolateSpec v4v11(NodeView node) throws ConversionException {
    int rank = staticRank(node);
    boolean v11 = node.version() == 11;
    int axesInput = v11 ? 2 : 3;
    int[] axes;
    if (node.inputCount() > axesInput) {
      axes = Arrays.stream(node.constantInts(axesInput)).mapToInt(a -> axis(node, a, rank)).toArray();
    } else {
      axes = new int[rank];
      Arrays.setAll(axes, i -> i);
    }
    String calc = node.stringAttr("shape_calculation_mode");
    if (!calc.equals("sizes") && !calc.equals("scales")) {
      throw node.error("shape_calculation_mode '" + calc + "' is not known");
    }
    boolean bySizes = calc.equals("sizes");
    Mode mode = Mode.of(node, node.stringAttr("mode"));
    if (!v11 && (mode == Mode.BILINEAR_PILLOW || mode == Mode.BICUBIC_PILLOW)) {
      throw node.error("mode '" + node.stringAttr("mode") + "' exists only from Interpolate-11");
    }
    return new InterpolateSpec(
        rank,
        mode,
        node.stringAttr("coordinate_transformation_mode"),
        node.stringAttr("nearest_mode"),
        node.boolAttr("antialias"),
        node.floatAttr("cube_coeff"),
        pads(node, "pads_begin", rank),
        pads(node, "pads_end", rank),
        axes,
        bySizes,
        v11 || bySizes ? 1 : 2);
  }

  boolean padded() {
    return Arrays.stream(padsBegin).anyMatch(p -> p != 0) || Arrays.stream(padsEnd).anyMatch(p -> p != 0);
  }

  private static int staticRank(NodeView node) throws ConversionException {
    PartialShape shape = node.inputShape(0);
    if (shape.isRankDynamic()) {
      throw node.error("needs a data input of static rank");
    }
    return shape.rank();
  }

  private static int axis(NodeView node, long a, int rank) {
    return (int) (a < 0 ? a + rank : a);
  }

  /** The pads attribute resized to the rank as OpenVINO does (missing values are 0). */
  private static long[] pads(NodeView node, String name, int rank) throws ConversionException {
    long[] given = node.intsAttr(name);
    long[] pads = Arrays.copyOf(given, rank);
    for (long p : pads) {
      if (p < 0) {
        throw node.error(name + " " + Arrays.toString(given) + " has a negative value");
      }
    }
    return pads;
  }
}
