package org.ov2onnx.convert.ops.image;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Image and block rearrangements: BatchToSpace, Col2Im, ExtractImagePatches, GridSample, I420/NV12 to RGB/BGR, SpaceToBatch. */
public final class ImageConverters {
  private ImageConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new BatchToSpaceConverter(),
        new Col2ImConverter(),
        new ExtractImagePatchesConverter(),
        new GridSampleConverter(),
        new I420toBGRConverter(),
        new I420toRGBConverter(),
        new NV12toBGRConverter(),
        new NV12toRGBConverter(),
        new SpaceToBatchConverter());
  }
}
