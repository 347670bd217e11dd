package org.ov2onnx.convert.ops.spatial;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The spatial family: DepthToSpace, SpaceToDepth, ShuffleChannels. */
public final class SpatialConverters {
  private SpatialConverters() {}

  public static List<OpConverter> all() {
    return List.of(new DepthToSpaceConverter(), new SpaceToDepthConverter(), new ShuffleChannelsConverter(), new InterpolateConverter());
  }
}
