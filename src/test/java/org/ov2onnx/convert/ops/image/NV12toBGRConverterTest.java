package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NV12toBGRConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"u8, 1", "u8, 2", "f32, 1", "f32, 2"})
  void converts(String type, int planes) throws Exception {
    NV12toRGBConverterTest.check(NV12toRGBConverterTest.yuv("NV12toBGR", type, planes), dir);
  }
}
