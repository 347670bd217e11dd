package org.ov2onnx.convert.ops.pool;

import org.ov2onnx.convert.ops.conv.Window;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;

/**
 * The attributes MaxPool and AvgPool share, in ONNX form: kernel_shape, strides, dilations, pads
 * (see {@link Window}) and ceil_mode.
 *
 * <p>rounding_type: floor is ceil_mode 0. ceil and ceil_torch differ from ONNX's ceil_mode only
 * about a last window that starts in the end padding (ceil keeps it, ceil_torch drops it, ONNX's
 * shape inference keeps it, its text drops it), so ceil_mode is chosen where that cannot happen or
 * where static lengths show the windows are floor's; see {@link #ceilMode}.
 */
final class Pooling {
  private Pooling() {}

  /** A pooling op of {@code onnxType} with {@code node}'s window; {@code dilated}: whether the version has dilations. */
  static OnnxNode window(NodeView node, String onnxType, boolean dilated) throws ConversionException {
    int rank = Window.spatialRank(node);
    long[] kernel = Window.ints(node, "kernel", rank, 1);
    long[] strides = Window.ints(node, "strides", rank, 1);
    long[] dilations = dilated ? Window.ints(node, "dilations", rank, 1) : new long[rank];
    long[] effective = new long[rank];
    for (int i = 0; i < rank; i++) {
      dilations[i] = Math.max(1, dilations[i]);
      effective[i] = (kernel[i] - 1) * dilations[i] + 1;
    }
    OnnxNode op = OnnxNode.op(onnxType).inputs(node.input(0))
        .attr("kernel_shape", kernel)
        .attr("strides", strides);
    if (dilated) {
      op.attr("dilations", dilations);
    }
    Window.forwardPadding(node, op, effective, strides, dilations);
    String rounding = node.stringAttr("rounding_type");
    switch (rounding) {
      case "floor" -> op.attr("ceil_mode", 0L);
      case "ceil", "ceil_torch" ->
          op.attr("ceil_mode", ceilMode(node, rounding.equals("ceil_torch"), Window.pads(node, effective, strides), effective, strides));
      default -> throw node.error("rounding_type '" + rounding + "' is not known");
    }
    return op;
  }

  /**
   * The ONNX ceil_mode that gives OpenVINO's windows for rounding ceil or ceil_torch. Per axis:
   * with pads_end + stride &lt;= the dilated kernel no window can start in the end padding, and
   * ceil_mode 1 is exact; otherwise the static length decides: OpenVINO's window count (ceil's,
   * less a last window starting in the end padding for ceil_torch) must be floor's (ceil_mode 0)
   * or ceil's with no window in the end padding (ceil_mode 1), the same for all axes.
   */
  private static long ceilMode(NodeView node, boolean torch, long[][] pads, long[] effective, long[] strides)
      throws ConversionException {
    if (pads == null) {
      throw node.error("rounding_type ceil with auto_pad same_* on dynamic lengths: the pads, and so the last window, are"
          + " unknown");
    }
    boolean ceilFits = true;
    boolean floorFits = true;
    for (int i = 0; i < effective.length; i++) {
      if (pads[1][i] + strides[i] <= effective[i]) {
        continue;
      }
      long in = Window.spatialLength(node, i);
      if (in < 0) {
        throw node.error("rounding_type ceil with pads_end + stride > kernel on dynamic spatial axis " + i
            + ": a last window may start in the end padding, where OpenVINO and ONNX disagree");
      }
      long span = in + pads[0][i] + pads[1][i] - effective[i];
      long floorCount = Math.floorDiv(span, strides[i]) + 1;
      long ceilCount = Math.floorDiv(span + strides[i] - 1, strides[i]) + 1;
      boolean lastInPadding = (ceilCount - 1) * strides[i] >= in + pads[0][i];
      long count = torch && lastInPadding ? ceilCount - 1 : ceilCount;
      ceilFits &= count == ceilCount && !lastInPadding;
      floorFits &= count == floorCount;
    }
    if (ceilFits) {
      return 1;
    }
    if (floorFits) {
      return 0;
    }
    throw node.error("rounding_type " + (torch ? "ceil_torch" : "ceil")
        + ": OpenVINO keeps a last window that starts in the end padding, which ONNX's ceil_mode does not define");
  }
}
