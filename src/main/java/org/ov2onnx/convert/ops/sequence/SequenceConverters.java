package org.ov2onnx.convert.ops.sequence;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Reordering, searching and scattering along axes: Bucketize, CTCGreedyDecoder(SeqLen), CTCLoss, GatherTree, Reverse, ReverseSequence, Roll, SearchSorted, SegmentMax, SliceScatter, SparseFillEmptyRows, Unique. */
public final class SequenceConverters {
  private SequenceConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new BucketizeConverter(),
        new CTCGreedyDecoderConverter(),
        new CTCGreedyDecoderSeqLenConverter(),
        new CTCLossConverter(),
        new GatherTreeConverter(),
        new ReverseConverter(),
        new ReverseSequenceConverter(),
        new RollConverter(),
        new SearchSortedConverter(),
        new SegmentMaxConverter(),
        new SliceScatterConverter(),
        new SparseFillEmptyRowsConverter(),
        new UniqueConverter());
  }
}
