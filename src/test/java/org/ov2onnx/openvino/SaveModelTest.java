package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenVINO's own save_model, with and without FP16 compression. */
class SaveModelTest {
  @TempDir Path dir;

  @Test
  void savesIrAndCompressesToFp16() throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(Fixtures.sample())) {
      Path plain = dir.resolve("plain.xml");
      Path half = dir.resolve("half.xml");
      model.saveIr(plain, false);
      model.saveIr(half, true);
      long plainBin = Files.size(dir.resolve("plain.bin"));
      long halfBin = Files.size(dir.resolve("half.bin"));
      assertTrue(halfBin < plainBin * 0.6, plainBin + " vs " + halfBin);
      try (Model back = core.readModel(half)) {
        boolean hasF16Constant = false;
        for (Node n : back.nodes()) {
          if (n.type().equals("Constant") && n.constant().elementType() == ElementType.F16) {
            hasF16Constant = true;
          }
        }
        assertTrue(hasF16Constant);
        assertEquals(model.inputs(), back.inputs());
        assertEquals(model.outputs().get(0).names(), back.outputs().get(0).names());
      }
    }
  }
}
