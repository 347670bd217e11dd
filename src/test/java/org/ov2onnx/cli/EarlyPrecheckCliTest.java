package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Main.main} begins the IR pre-check of a command's model before it parses the command line
 * ({@code EarlyPrecheck}) when the model is the first argument; with a flag first it does not. A
 * model the check refuses gives the same one line and exit code either way.
 */
class EarlyPrecheckCliTest {
  @TempDir Path dir;

  private record Run(int code, String err) {}

  /** Runs {@code Main.main} in a new JVM, in {@link #dir}. */
  private Run main(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath(), Main.class.getName()));
    command.addAll(List.of(args));
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI did not end");
    return new Run(p.exitValue(), Files.readString(err));
  }

  private static String classPath() {
    StringBuilder cp = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
      }
    }
    return cp.toString();
  }

  @Test
  void aModelThePrecheckRefusesGivesTheSameErrorWithTheEarlyStart() throws Exception {
    // a Broadcast without inputs would crash OpenVINO's reader: only the pre-check stands in between
    Files.copy(Path.of("src/test/resources/reliability/F1-broadcast-no-inputs.xml"), dir.resolve("model.xml"));
    Run early = main("convert", "model.xml", "-o", "out.onnx");
    Run late = main("convert", "-o", "out.onnx", "model.xml"); // a flag first: no early start
    assertEquals(ExitCodes.UNREADABLE, early.code(), early.err());
    assertEquals(late.code(), early.code());
    assertEquals(late.err(), early.err());
    String[] lines = early.err().strip().split("\\R");
    assertEquals(1, lines.length, early.err());
    assertTrue(lines[0].startsWith("error: cannot read model model.xml: ") && lines[0].contains("has no inputs"), lines[0]);
    assertTrue(!Files.exists(dir.resolve("out.onnx")));

    // not well-formed XML, for another command
    Files.writeString(dir.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<net name=\"n\" version=\"11\">\n<layers>\n</net>\n");
    Run info = main("info", "broken.xml");
    Run infoLate = main("info", "--device", "CPU", "broken.xml");
    assertEquals(ExitCodes.UNREADABLE, info.code(), info.err());
    assertEquals(infoLate.code(), info.code());
    assertEquals(infoLate.err(), info.err());
    assertTrue(info.err().startsWith("error: cannot read model broken.xml: not well-formed XML")
        && info.err().strip().endsWith("line 4"), info.err());
  }
}
