package org.ov2onnx.convert.ops.indexing;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The indexing family: Gather, GatherElements, GatherND, ScatterUpdate, ScatterElementsUpdate, ScatterNDUpdate, Select, TopK, NonZero, OneHot. */
public final class IndexingConverters {
  private IndexingConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new GatherConverter(),
        new GatherElementsConverter(),
        new GatherNDConverter(),
        new NonZeroConverter(),
        new OneHotConverter(),
        new ScatterElementsUpdateConverter(),
        new ScatterNDUpdateConverter(),
        new ScatterUpdateConverter(),
        new SelectConverter(),
        new TopKConverter());
  }
}
