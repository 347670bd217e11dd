package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreTest {
  @Test
  void reportsThePinnedOpenVinoVersion() {
    assertTrue(Core.version().startsWith("2026.4.1"), Core.version());
  }

  @Test
  void openVinoIsLoadedFromThePackagedNatives() {
    Path lib = Path.of(Core.libraryPath());
    assertTrue(lib.getFileName().toString().startsWith("libopenvino.so"), lib.toString());
    // plugins and frontends sit next to it, where OpenVINO looks for them
    assertTrue(Files.exists(lib.resolveSibling("libopenvino_intel_cpu_plugin.so")));
    assertTrue(Files.exists(lib.resolveSibling("libov2onnx_shim.so")));
  }

  @Test
  void listsCpuWithItsFullName() throws Exception {
    try (Core core = Core.create()) {
      List<Device> devices = core.devices();
      Device cpu = devices.stream().filter(d -> d.name().equals("CPU")).findFirst().orElseThrow();
      assertFalse(cpu.fullName().isBlank());
      assertEquals(cpu.fullName(), core.deviceProperty("CPU", "FULL_DEVICE_NAME"));
    }
  }

  @Test
  void unknownDeviceIsAnOpenVinoError() throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(Fixtures.sample())) {
      OpenVinoException e =
          assertThrows(OpenVinoException.class, () -> core.compile(model, "NO_SUCH_DEVICE", Map.of()));
      assertEquals(OpenVinoException.Kind.DEVICE, e.kind());
      assertTrue(e.getMessage().contains("NO_SUCH_DEVICE"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void referenceModeIsAppliedToTheCompiledModel() throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(Fixtures.sample());
        CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE)) {
      assertEquals("f32", compiled.property("INFERENCE_PRECISION_HINT"));
      assertEquals("ACCURACY", compiled.property("EXECUTION_MODE_HINT"));
      assertEquals("0", compiled.property("DYNAMIC_QUANTIZATION_GROUP_SIZE"));
    }
  }

  @Test
  void badPropertyValueIsAnError() throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(Fixtures.sample())) {
      assertThrows(
          OpenVinoException.class,
          () -> core.compile(model, "CPU", Map.of("INFERENCE_PRECISION_HINT", "not-a-type")));
    }
  }
}
