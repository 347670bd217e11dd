package org.ov2onnx.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs CLI invocations in a forked JVM ({@link BatchRunner}): a crash of the JVM is an outcome
 * here, not the end of the test run.
 */
final class ForkedCli {
  /** How one invocation ended. {@code code} is -1 when the JVM died while running it, -2 when it hung, -3 when it never ran. */
  record Outcome(int code, int errLines, String firstErrLine) {
    boolean crashed() {
      return code == -1;
    }

    boolean hung() {
      return code == -2;
    }

    boolean ran() {
      return code != -3;
    }

    /** Exit 2, 3 or 4 with exactly one line on stderr, starting with "error: ". */
    boolean cleanError() {
      return code >= 2 && code <= 4 && errLines == 1 && firstErrLine.startsWith("error: ");
    }
  }

  /** What a batch gave: an outcome per job, and the JVM's exit status and output tail. */
  record Batch(List<Outcome> outcomes, int jvmExit, String log) {}

  private ForkedCli() {}

  /** This JVM's class path with absolute entries (the child runs in another folder). */
  static String absoluteClassPath() {
    StringBuilder cp = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
      }
    }
    return cp.toString();
  }

  static Batch run(Path work, List<List<String>> jobs, long timeoutSeconds) throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path jobFile = Files.createTempFile(work, "jobs-", ".txt");
    Path resultFile = Files.createTempFile(work, "results-", ".txt");
    Path logFile = Files.createTempFile(work, "jvm-", ".log");
    List<String> lines = new ArrayList<>();
    for (List<String> job : jobs) {
      lines.add(String.join("\t", job));
    }
    Files.write(jobFile, lines, StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
        "-Dov2onnx.job.timeout=" + Math.max(10, timeoutSeconds / 2),
        "-cp", absoluteClassPath(), BatchRunner.class.getName(),
        jobFile.toString(), resultFile.toString());
    pb.directory(work.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(logFile.toFile());
    Process p = pb.start();
    int exit;
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      exit = -2;
    } else {
      exit = p.exitValue();
    }
    Map<Integer, Outcome> done = new HashMap<>();
    int started = -1;
    boolean hang = exit == -2;
    for (String r : Files.readAllLines(resultFile, StandardCharsets.UTF_8)) {
      if (r.startsWith("START ")) {
        started = Integer.parseInt(r.substring(6).strip());
      } else if (r.startsWith("HANG ")) {
        hang = true;
      } else if (r.startsWith("END ")) {
        String[] f = r.substring(4).split("\t", 4);
        done.put(Integer.parseInt(f[0]), new Outcome(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""));
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Outcome o = done.get(i);
      if (o == null) {
        o = new Outcome(i == started ? (hang ? -2 : -1) : -3, 0, "");
      }
      outcomes.add(o);
    }
    String log = Files.readString(logFile, StandardCharsets.ISO_8859_1);
    Files.deleteIfExists(jobFile);
    Files.deleteIfExists(resultFile);
    Files.deleteIfExists(logFile);
    return new Batch(outcomes, exit, log.length() > 2000 ? log.substring(0, 2000) : log);
  }
}
