package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it prints. */
record CliTest(int exitCode, String out, String err) {
  static CliTest run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliTest(code, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures", name).toAbsolutePath();
  }

  /** Exactly one line on stderr, starting with "error: ", that contains every fragment. */
  void assertOneLineError(int expectedCode, String... fragments) {
    assertEquals(expectedCode, exitCode, "exit code; stderr: " + err);
    String[] lines = err.strip().split("\\R");
    assertEquals(1, lines.length, "one line of error, got: " + err);
    assertTrue(lines[0].startsWith("error: "), lines[0]);
    for (String f : fragments) {
      assertTrue(lines[0].contains(f), "'" + f + "' missing from: " + lines[0]);
    }
  }
}
