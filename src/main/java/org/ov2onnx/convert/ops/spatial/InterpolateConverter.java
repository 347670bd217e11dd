package org.ov2onnx.convert.ops.spatial;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Interpolate becomes Resize, after a zero Pad when pads are given. Interpolate-1 is read as
 * OpenVINO's ConvertInterpolate1ToInterpolate4 rewrites it (nearest_mode simple, asymmetric or
 * align_corners coordinates, half_pixel for unpadded linear except 4-D over axes {2,3}); see
 * {@link InterpolateResize} for the exactness rules and what is refused, and
 * {@link InterpolateRunTimeScales} for scales known only at run time.
 */
@ConvertsOp(
    type = "Interpolate",
    versions = {1, 4, 11},
    notes = "Pad (if pads) + Resize; linear antialias (rank 5, downsampling) and the Pillow modes need opset 18. "
        + "Run-time scales (and nearest where OpenVINO's length, scale + 1e-6, exceeds ONNX's): OpenVINO's lengths "
        + "computed in the graph, edge Pad + Slice where ONNX's length falls short. "
        + "Refused: v1 area; tf_half_pixel_for_nn; nearest simple with mixed up/downsampling or unknown scales; "
        + "linear antialias below rank 5 on downsampling or on upsampled axes (CPU plugin differs from the spec); "
        + "bicubic_pillow with cube_coeff other than -0.5; non-nearest modes on integer data")
public final class InterpolateConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    InterpolateSpec spec =
        switch (node.version()) {
          case 1 -> InterpolateSpec.v1(node);
          case 4, 11 -> InterpolateSpec.v4v11(node);
          default -> throw node.error("version " + node.version() + " is not known");
        };
    InterpolateResize.emit(node, graph, spec);
  }
}
