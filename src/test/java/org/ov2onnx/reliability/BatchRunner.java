package org.ov2onnx.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ov2onnx.cli.Main;

/**
 * Runs many CLI invocations in one JVM, in-process through {@link Main#run}, and records each
 * outcome as soon as it is known, so that the parent can tell which invocation a dying JVM was
 * running. Meant to run in a forked JVM ({@link ForkedCli}).
 *
 * <p>Arguments: a jobs file (one invocation per line, arguments separated by tabs) and a results
 * file. For each job it appends {@code START i}, then {@code END i<TAB>exit<TAB>stderr lines<TAB>
 * first stderr line}. A job running longer than {@code -Dov2onnx.job.timeout} seconds (default
 * 60) is recorded as {@code HANG i} and the JVM halts.
 */
public final class BatchRunner {
  private BatchRunner() {}

  public static void main(String[] args) throws IOException {
    List<String> jobs = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    long timeoutMs = Long.getLong("ov2onnx.job.timeout", 60) * 1000;
    try (Writer results = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (int i = 0; i < jobs.size(); i++) {
        if (jobs.get(i).isEmpty()) {
          continue;
        }
        line(results, "START " + i);
        final int job = i;
        Thread watchdog = new Thread(() -> {
          try {
            Thread.sleep(timeoutMs);
            line(results, "HANG " + job);
            Runtime.getRuntime().halt(99);
          } catch (InterruptedException | IOException e) {
            // finished in time
          }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), jobs.get(i).split("\t"));
        watchdog.interrupt();
        String[] lines = err.toString().strip().split("\\R");
        int count = err.toString().isBlank() ? 0 : lines.length;
        String first = count == 0 ? "" : lines[0].replace('\t', ' ');
        line(results, "END " + i + "\t" + code + "\t" + count + "\t" + first);
      }
    }
  }

  private static synchronized void line(Writer w, String text) throws IOException {
    w.write(text + "\n");
    w.flush();
  }
}
