package org.ov2onnx.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX's own checker ({@code onnx.checker.check_model(path, full_check=True)}, from the pinned
 * {@code onnx} package) as a test oracle. One Python process serves the whole test run.
 */
public final class OnnxChecker {
  private static Process process;
  private static Writer toChecker;
  private static BufferedReader fromChecker;

  private OnnxChecker() {}

  /** The Python of the test venv (made by native/python-env.sh during the build). */
  public static Path python() {
    Path python = Path.of(System.getProperty("ov2onnx.test.python", "target/python-env/bin/python")).toAbsolutePath();
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("no test Python at " + python + ": run the build through Maven (mvn verify)");
    }
    return python;
  }

  /** Returns null if the model passes, else the checker's message. */
  public static synchronized String check(Path model) throws IOException {
    if (process == null || !process.isAlive()) {
      ProcessBuilder pb = new ProcessBuilder(python().toString(), Path.of("src/test/python/onnx_checker.py").toAbsolutePath().toString());
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      process = pb.start();
      toChecker = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      fromChecker = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
    }
    toChecker.write(model.toAbsolutePath() + "\n");
    toChecker.flush();
    String answer = fromChecker.readLine();
    if (answer == null) {
      throw new IOException("the ONNX checker process ended");
    }
    if (answer.startsWith("{\"ok\": true")) {
      return null;
    }
    return answer;
  }
}
