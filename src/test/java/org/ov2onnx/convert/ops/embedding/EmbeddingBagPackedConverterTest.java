package org.ov2onnx.convert.ops.embedding;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.testing.OpCheck;

class EmbeddingBagPackedConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"sum, true", "mean, false"})
  void reductions(String reduction, boolean weighted) throws Exception {
    OpCheck.of(EmbeddingBagPackedSumConverterTest.packed(15, Map.of("reduction", reduction), weighted), dir)
        .range("indices", 0, 4).run().assertUsesOp("ReduceSum");
  }
}
