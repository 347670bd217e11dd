package org.ov2onnx.convert.ops.image;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Image and block rearrangements: BatchToSpace, SpaceToBatch. */
public final class ImageConverters {
  private ImageConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new BatchToSpaceConverter(),
        new SpaceToBatchConverter());
  }
}
