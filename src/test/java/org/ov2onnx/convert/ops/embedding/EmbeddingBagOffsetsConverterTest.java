package org.ov2onnx.convert.ops.embedding;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.testing.OpCheck;

class EmbeddingBagOffsetsConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"sum, false, true", "sum, true, false", "mean, false, false", "mean, true, false"})
  void reductions(String reduction, boolean withDefault, boolean weighted) throws Exception {
    OpCheck.of(EmbeddingBagOffsetsSumConverterTest.bags("i32", 15, Map.of("reduction", reduction), withDefault, weighted), dir)
        .run().assertUsesOp("ScatterND");
  }
}
