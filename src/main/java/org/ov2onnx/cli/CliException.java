package org.ov2onnx.cli;

/** A failure the CLI reports as one line with a specific exit code. */
final class CliException extends Exception {
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
