package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandsTest {
  @Test
  void devicesListsCpuWithItsFullName() {
    CliTest r = CliTest.run("devices");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().matches("(?s).*\\n\\s+CPU\\s+\\S.*"), r.out());
  }

  @Test
  void devicesJson() {
    CliTest r = CliTest.run("devices", "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"name\": \"CPU\""), r.out());
    assertTrue(r.out().contains("\"full_name\": "), r.out());
    assertTrue(r.out().contains("\"openvino_version\": \"2026.4.1"), r.out());
  }

  @Test
  void infoShowsPortsAndOperationHistogram() {
    CliTest r = CliTest.run("info", Path.of("samples/sample-cnn.xml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("image  f32 [1,3,32,32]"), r.out());
    assertTrue(r.out().contains("probabilities  f32 [1,10]"), r.out());
    assertTrue(r.out().matches("(?s).*Convolution-1\\s+2\\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*Constant-1\\s+10\\n.*"), r.out());
    assertTrue(r.out().contains("OpenVINO: 2026.4.1"), r.out());
  }

  @Test
  void infoJsonWithDynamicShapesAndDevice() {
    CliTest r = CliTest.run("info", CliTest.fixture("attrs_basic.xml").toString(), "--json", "--device", "CPU");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"element_type\": \"f32\""), r.out());
    assertTrue(r.out().contains("\"Interpolate-11\": 1"), r.out());
    assertTrue(r.out().contains("\"device\": \"CPU\""), r.out());
    CliTest dyn = CliTest.run("info", CliTest.fixture("dynamic_shapes.xml").toString(), "--json");
    assertTrue(dyn.out().contains("\"shape\": \"[?,3,1..10,16]\""), dyn.out());
    assertTrue(dyn.out().contains("\"shape\": \"[...]\""), dyn.out());
  }

  @Test
  void usageErrorsExitWith2() {
    CliTest r = CliTest.run("info");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals(ExitCodes.USAGE, CliTest.run("no-such-command").exitCode());
    assertEquals(ExitCodes.USAGE, CliTest.run("devices", "--bogus").exitCode());
  }

  @Test
  void helpAndVersion() {
    CliTest help = CliTest.run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Exit codes:"), help.out());
    CliTest version = CliTest.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().contains("OpenVINO 2026.4.1"), version.out());
  }
}
