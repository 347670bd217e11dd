package org.ov2onnx.convert.ops.shape;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The shape family: Concat, Split, VariadicSplit, Reshape, Squeeze, Unsqueeze, Transpose, Broadcast, Tile, Pad, StridedSlice, Slice, ShapeOf, Range. */
public final class ShapeConverters {
  private ShapeConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new BroadcastConverter(),
        new ConcatConverter(),
        new PadConverter(),
        new RangeConverter(),
        new ReshapeConverter(),
        new ShapeOfConverter(),
        new SliceConverter(),
        new SplitConverter(),
        new SqueezeConverter(),
        new StridedSliceConverter(),
        new TileConverter(),
        new TransposeConverter(),
        new UnsqueezeConverter(),
        new VariadicSplitConverter());
  }
}
