package org.ov2onnx.convert.ops.recurrent;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The recurrent family: RNN, GRU and LSTM cells and sequences to ONNX RNN, GRU and LSTM. */
public final class RecurrentConverters {
  private RecurrentConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new GruCellConverter(),
        new GruSequenceConverter(),
        new LstmCellConverter(),
        new LstmSequenceConverter(),
        new RnnCellConverter(),
        new RnnSequenceConverter());
  }
}
