package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class I420toBGRConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"u8, 1", "u8, 3", "f32, 1", "f32, 3"})
  void converts(String type, int planes) throws Exception {
    NV12toRGBConverterTest.check(NV12toRGBConverterTest.yuv("I420toBGR", type, planes), dir);
  }
}
