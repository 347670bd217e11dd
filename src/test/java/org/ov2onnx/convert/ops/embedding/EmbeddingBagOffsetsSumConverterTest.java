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

class EmbeddingBagOffsetsSumConverterTest {
  @TempDir Path dir;

  /** Bags 0..4 from offsets 0, 2, 2, 5, 6 over 7 indices: bag 1 is empty. */
  static IrBuilder bags(String type, int version, Map<String, String> attrs, boolean withDefault, boolean weighted) {
    IrBuilder ir = new IrBuilder("bags");
    String table = ir.parameter("table", ElementType.F32, "6,2,3");
    List<String> in = new ArrayList<>(List.of(table,
        ir.constant("indices", ElementType.fromOvName(type), new long[] {7}, 0, 5, 3, 3, 1, 2, 4),
        ir.constant("offsets", ElementType.fromOvName(type), new long[] {5}, 0, 2, 2, 5, 6)));
    if (withDefault || weighted) {
      in.add(ir.constant("default", ElementType.fromOvName(type), new long[0], withDefault ? 4 : -1));
    }
    if (weighted) {
      in.add(ir.parameter("weights", ElementType.F32, "7"));
    }
    ir.result(ir.op(version == 3 ? "EmbeddingBagOffsetsSum" : "EmbeddingBagOffsets", version, attrs, in.toArray(String[]::new)));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"i32, false, false", "i64, true, false", "i32, true, true", "i64, false, true"})
  void sums(String type, boolean withDefault, boolean weighted) throws Exception {
    OpCheck.of(bags(type, 3, Map.of(), withDefault, weighted), dir).run().assertUsesOp("ScatterND");
  }
}
