package org.ov2onnx.convert.ops.conv;

import java.util.Arrays;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.PartialShape;

/**
 * The sliding-window attributes that Convolution and the pooling operations share (strides,
 * dilations, pads_begin, pads_end, auto_pad), and their ONNX spelling.
 */
public final class Window {
  private Window() {}

  /** OpenVINO's auto_pad, as read from IR. */
  public enum AutoPad {
    EXPLICIT,
    VALID,
    SAME_UPPER,
    SAME_LOWER;

    public static AutoPad of(NodeView node) throws ConversionException {
      String value = node.stringAttr("auto_pad");
      return switch (value) {
        case "explicit", "notset" -> EXPLICIT;
        case "valid" -> VALID;
        case "same_upper" -> SAME_UPPER;
        case "same_lower" -> SAME_LOWER;
        default -> throw node.error("auto_pad '" + value + "' is not known");
      };
    }
  }

  /** An integer list attribute of {@code node}; an empty list (as IR writes "") means {@code fill}. */
  public static long[] ints(NodeView node, String name, int rank, long fill) throws ConversionException {
    long[] values = node.intsAttr(name);
    if (values.length == 0) {
      long[] filled = new long[rank];
      Arrays.fill(filled, fill);
      return filled;
    }
    if (values.length != rank) {
      throw node.error(name + " has " + values.length + " values for " + rank + " spatial axes");
    }
    return values;
  }

  /** The number of spatial axes of input 0 (its rank minus batch and channel). */
  public static int spatialRank(NodeView node) throws ConversionException {
    PartialShape shape = node.inputShape(0);
    if (shape.isRankDynamic()) {
      throw node.error("the input's rank is dynamic; ONNX needs it to know the window's rank");
    }
    if (shape.rank() < 3) {
      throw node.error("the input has rank " + shape.rank() + "; expected batch, channel and spatial axes");
    }
    return shape.rank() - 2;
  }

  /** The static length of spatial axis {@code i} of input 0, or -1 if it is dynamic. */
  public static long spatialLength(NodeView node, int i) {
    Dimension d = node.inputShape(0).dims().get(i + 2);
    return d.isStatic() ? d.length() : -1;
  }

  /** begin ++ end, as ONNX's pads attribute wants them. */
  public static long[] onnxPads(long[] begin, long[] end) {
    long[] pads = Arrays.copyOf(begin, begin.length + end.length);
    System.arraycopy(end, 0, pads, begin.length, end.length);
    return pads;
  }

  /**
   * The explicit pads OpenVINO uses for auto_pad same_upper/same_lower on a forward window: the
   * total max(0, (ceil(in / stride) - 1) * stride + dilated kernel - in), split in half with the
   * odd element at the end (same_upper) or the beginning (same_lower). Returns null when an input
   * length or kernel length is unknown. {@code kernel} holds dilated kernel lengths (-1: unknown).
   */
  public static long[][] samePads(NodeView node, AutoPad autoPad, long[] kernel, long[] strides) {
    int rank = kernel.length;
    long[] begin = new long[rank];
    long[] end = new long[rank];
    for (int i = 0; i < rank; i++) {
      long in = spatialLength(node, i);
      if (in < 0 || kernel[i] < 0) {
        return null;
      }
      long out = (in + strides[i] - 1) / strides[i];
      long total = Math.max(0, (out - 1) * strides[i] + kernel[i] - in);
      long small = total / 2;
      begin[i] = autoPad == AutoPad.SAME_UPPER ? small : total - small;
      end[i] = total - begin[i];
    }
    return new long[][] {begin, end};
  }

  /**
   * OpenVINO's pads as {begin, end}: explicit ones, zeros for valid, {@link #samePads} for
   * same_upper/same_lower; null when those depend on dynamic lengths.
   */
  public static long[][] pads(NodeView node, long[] kernel, long[] strides) throws ConversionException {
    int rank = kernel.length;
    AutoPad autoPad = AutoPad.of(node);
    return switch (autoPad) {
      case EXPLICIT -> new long[][] {ints(node, "pads_begin", rank, 0), ints(node, "pads_end", rank, 0)};
      case VALID -> new long[][] {new long[rank], new long[rank]};
      case SAME_UPPER, SAME_LOWER -> samePads(node, autoPad, kernel, strides);
    };
  }

  /**
   * Sets ONNX's pads (or auto_pad) on a forward window operation (Conv, MaxPool, AveragePool) with
   * OpenVINO's meaning of auto_pad: {@link #pads} when known; else (same_upper/same_lower on
   * dynamic lengths) ONNX's SAME_UPPER/SAME_LOWER, which define the same split. ONNX Runtime
   * implements those only without dilation, so dilated windows on dynamic lengths are refused.
   * {@code kernel} holds dilated kernel lengths (-1: unknown).
   */
  public static OnnxNode forwardPadding(NodeView node, OnnxNode op, long[] kernel, long[] strides, long[] dilations)
      throws ConversionException {
    long[][] pads = pads(node, kernel, strides);
    if (pads != null) {
      return op.attr("pads", onnxPads(pads[0], pads[1]));
    }
    AutoPad autoPad = AutoPad.of(node);
    if (Arrays.stream(dilations).anyMatch(d -> d != 1)) {
      throw node.error("auto_pad " + autoPad.name().toLowerCase()
          + " with dilations on dynamic spatial lengths: ONNX Runtime implements SAME padding only without dilation");
    }
    return op.attr("auto_pad", autoPad.name());
  }

  /** Dilated kernel lengths ((k - 1) * d + 1) of kernel axes starting at {@code axis} of input {@code i}; -1 where dynamic. */
  public static long[] dilatedKernel(NodeView node, int i, int axis, long[] dilations) {
    long[] kernel = new long[dilations.length];
    for (int d = 0; d < kernel.length; d++) {
      Dimension k = node.inputShape(i).dims().get(axis + d);
      kernel[d] = k.isStatic() ? (k.length() - 1) * dilations[d] + 1 : -1;
    }
    return kernel;
  }
}
