package org.ov2onnx.convert.ops.embedding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class EmbeddingSegmentsSumConverterTest {
  @TempDir Path dir;

  /** Segments 0..4 from sorted ids (as the spec requires); segments 1 and 4 are empty. */
  @ParameterizedTest
  @CsvSource({"false, false", "true, false", "true, true"})
  void segments(boolean withDefault, boolean weighted) throws Exception {
    IrBuilder ir = new IrBuilder("segments");
    String table = ir.parameter("table", ElementType.F32, "6,3");
    List<String> in = new ArrayList<>(List.of(table,
        ir.constant("indices", ElementType.I32, new long[] {6}, 0, 5, 3, 3, 1, 2),
        ir.constant("segment_ids", ElementType.I32, new long[] {6}, 0, 0, 2, 2, 2, 3),
        ir.constant("num_segments", ElementType.I32, new long[0], 5)));
    if (withDefault) {
      in.add(ir.constant("default", ElementType.I32, new long[0], 1));
    }
    if (weighted) {
      in.add(ir.parameter("weights", ElementType.F32, "6"));
    }
    ir.result(ir.op("EmbeddingSegmentsSum", 3, Map.of(), in.toArray(String[]::new)));
    OpCheck.of(ir, dir).run().assertUsesOp("ScatterND");
  }
}
