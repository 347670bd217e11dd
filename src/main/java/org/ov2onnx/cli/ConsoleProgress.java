package org.ov2onnx.cli;

import java.io.PrintWriter;
import org.ov2onnx.onnx.Progress;

/** A one-line progress display on stderr, shown only when attached to a terminal. */
final class ConsoleProgress implements Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private long lastPrint;
  private boolean printed;

  private ConsoleProgress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ConsoleProgress forTerminal(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null && !Boolean.getBoolean("ov2onnx.noProgress"));
  }

  @Override
  public void update(String phase, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastPrint < 200_000_000L) {
      return;
    }
    lastPrint = now;
    int percent = total <= 0 ? 100 : (int) (100 * done / total);
    err.print("\r" + phase + ": " + percent + "%   ");
    err.flush();
    printed = true;
  }

  void done() {
    if (printed) {
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }
}
