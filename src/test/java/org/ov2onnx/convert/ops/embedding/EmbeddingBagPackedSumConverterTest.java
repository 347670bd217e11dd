package org.ov2onnx.convert.ops.embedding;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class EmbeddingBagPackedSumConverterTest {
  @TempDir Path dir;

  static IrBuilder packed(int version, Map<String, String> attrs, boolean weighted) {
    IrBuilder ir = new IrBuilder("packed");
    String table = ir.parameter("table", ElementType.F32, "5,4");
    String indices = ir.parameter("indices", ElementType.I32, "3,2");
    ir.result(weighted
        ? ir.op(version == 3 ? "EmbeddingBagPackedSum" : "EmbeddingBagPacked", version, attrs, table, indices, ir.parameter("weights", ElementType.F32, "3,2"))
        : ir.op(version == 3 ? "EmbeddingBagPackedSum" : "EmbeddingBagPacked", version, attrs, table, indices));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void sums(boolean weighted) throws Exception {
    OpCheck.of(packed(3, Map.of(), weighted), dir).range("indices", 0, 4).run().assertUsesOp("ReduceSum");
  }
}
