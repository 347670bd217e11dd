package org.ov2onnx.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar (run by failsafe after {@code package}): works from any directory, with no
 * LD_LIBRARY_PATH, extracting its natives into an empty cache the first time and reusing them the
 * second time; OpenVINO finds its CPU plugin and its frontends.
 */
class JarIT {
  @TempDir Path work;

  record Run(int code, String out) {}

  Run java(Path cache, String... args) throws Exception {
    Path jar = Path.of("target/ov2onnx.jar").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().remove("LD_LIBRARY_PATH");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  @Test
  void runsFromAnyDirectoryWithAFreshNativeCache() throws Exception {
    Path cache = work.resolve("cache");
    Run first = java(cache, "devices");
    assertEquals(0, first.code(), first.out());
    assertTrue(first.out().matches("(?s).*\\n\\s+CPU\\s+\\S.*"), first.out());
    try (var files = Files.walk(cache)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("libopenvino_intel_cpu_plugin.so")), "natives extracted together");
    }
    Run second = java(cache, "devices");
    assertEquals(0, second.code(), second.out());
  }

  @Test
  void convertsAndVerifiesTheSampleThroughTheJar() throws Exception {
    Path sample = Path.of("samples/sample-cnn.xml").toAbsolutePath();
    Path onnx = work.resolve("sample.onnx");
    Run r = java(work.resolve("cache"), "convert", sample.toString(), "-o", onnx.toString(), "--verify");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASSED"), r.out());
    // the ONNX and TFLite frontends load too
    Run onnxIn = java(work.resolve("cache"), "info", Path.of("src/test/resources/formats/relu.tflite").toAbsolutePath().toString());
    assertEquals(0, onnxIn.code(), onnxIn.out());
  }
}
