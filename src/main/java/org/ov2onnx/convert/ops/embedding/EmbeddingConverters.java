package org.ov2onnx.convert.ops.embedding;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Embedding bags and segments: EmbeddingBagOffsets(Sum), EmbeddingBagPacked(Sum), EmbeddingSegmentsSum. */
public final class EmbeddingConverters {
  private EmbeddingConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new EmbeddingBagOffsetsConverter(),
        new EmbeddingBagOffsetsSumConverter(),
        new EmbeddingBagPackedConverter(),
        new EmbeddingBagPackedSumConverter(),
        new EmbeddingSegmentsSumConverter());
  }
}
