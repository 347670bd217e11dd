package org.ov2onnx.convert.ops.signal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RDFTConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"'1 2', '', 17", "'2', '', 20", "'2 1', '', 17", "'1 2', '3 5', 18", "'0 -1', '2 6', 21"})
  void rdft(String axes, String sizes, int opset) throws Exception {
    DFTConverterTest.check(DFTConverterTest.transform("RDFT", 9, "2,4,6", axes, sizes), dir, opset);
  }
}
