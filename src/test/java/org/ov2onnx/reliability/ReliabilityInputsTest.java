package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of the reliability campaign ({@code src/test/resources/reliability/}, each a minimal
 * reproduction of a crash, an exit 5 or an invalid model written with exit 0) must end with exit 4
 * and one {@code error:} line, the same every time, with nothing written. Each runs in a forked
 * JVM, so that a crash fails the test, not the test run.
 */
class ReliabilityInputsTest {
  static final Path INPUTS = Path.of("src/test/resources/reliability").toAbsolutePath();

  @TempDir Path dir;

  static Stream<String> inputs() throws IOException {
    return xmlFiles(INPUTS);
  }

  /** The names of the .xml files in {@code folder}, sorted. */
  static Stream<String> xmlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList().stream();
    }
  }

  /** Copies the input (and its .bin) into {@code into}; returns the XML there. */
  static Path copy(String xml, Path into) throws IOException {
    Path target = into.resolve(xml);
    Files.copy(INPUTS.resolve(xml), target);
    Path bin = INPUTS.resolve(xml.replaceFirst("\\.xml$", ".bin"));
    if (Files.exists(bin)) {
      Files.copy(bin, into.resolve(bin.getFileName()));
    }
    return target;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void endsWithExit4AndOneErrorLineEveryTime(String name) throws Exception {
    Path xml = copy(name, dir);
    Path out = dir.resolve("out.onnx");
    List<String> convert = List.of("convert", xml.toString(), "-o", out.toString());
    ForkedCli.Batch b = ForkedCli.run(dir.resolve("work"), List.of(convert, convert, List.of("info", xml.toString())), 120);
    for (int k = 0; k < 3; k++) {
      ForkedCli.Outcome o = b.outcomes().get(k);
      assertFalse(o.crashed(), name + ": the JVM crashed (exit " + b.jvmExit() + "): " + b.log());
      assertFalse(o.hung(), name + ": hung");
      assertEquals(4, o.code(), name + ", run " + k + ": " + o.firstErrLine());
      assertTrue(o.cleanError(), name + ", run " + k + ": not one error line: " + o);
    }
    assertEquals(b.outcomes().get(0).firstErrLine(), b.outcomes().get(1).firstErrLine(), "the same message twice");
    assertFalse(Files.exists(out), "nothing written");
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temp file left");
    }
  }

  /** All inputs again in one warm JVM: the same message as each gave in a JVM of its own. */
  @Test
  void theSameInAWarmJvm() throws Exception {
    List<String> names = inputs().toList();
    List<List<String>> jobs = new ArrayList<>();
    for (String name : names) {
      Path sub = Files.createDirectory(dir.resolve(name + ".d"));
      Path xml = copy(name, sub);
      jobs.add(List.of("convert", xml.toString(), "-o", sub.resolve("out.onnx").toString()));
    }
    ForkedCli.Batch warm = ForkedCli.run(dir.resolve("warm"), jobs, 300);
    ForkedCli.Batch again = ForkedCli.run(dir.resolve("again"), jobs, 300);
    for (int i = 0; i < names.size(); i++) {
      ForkedCli.Outcome o = warm.outcomes().get(i);
      assertTrue(o.cleanError() && o.code() == 4, names.get(i) + ": " + o + " " + warm.log());
      assertEquals(o, again.outcomes().get(i), names.get(i) + ": the same outcome in a second JVM");
    }
  }
}
