package org.ov2onnx.convert.ops.signal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IDFTConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"'1 2', '', 17", "'0', '', 20", "'1 2', '5 3', 17"})
  void idft(String axes, String sizes, int opset) throws Exception {
    DFTConverterTest.check(DFTConverterTest.transform("IDFT", 7, "2,4,5,2", axes, sizes), dir, opset);
  }
}
