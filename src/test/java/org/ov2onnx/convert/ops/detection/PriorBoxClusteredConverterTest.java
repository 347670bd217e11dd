package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.testing.OpCheck;

class PriorBoxClusteredConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1,2.5,4; 2,3,1; true; 0; 0; 0; 0.5; 0.1,0.1,0.2,0.2",
      "3,40; 5,50; false; 0; 0; 0; 0.5; ''",
      "8; 6; true; 8; 0; 0; 0.25; 0.2",
      "8,2; 6,9; false; 4; 6; 0; 0.5; 0.1",
      "8; 6; false; 0; 5; 7; 0; 0.1,0.2,0.3,0.4"})
  void variants(String widths, String heights, String clip, String step, String stepW, String stepH, String offset,
      String variance) throws Exception {
    OpCheck.of(PriorBoxConverterTest.priorBox("PriorBoxClustered", 1, "1,3,3,5", "1,3,24,40",
        Map.of("width", widths, "height", heights, "clip", clip, "step", step, "step_w", stepW, "step_h", stepH,
            "offset", offset, "variance", variance)), dir).run();
  }
}
