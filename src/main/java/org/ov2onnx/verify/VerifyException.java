package org.ov2onnx.verify;

/** Verification cannot run: bad options (usage) or inputs/models that cannot be used. */
public final class VerifyException extends Exception {
  private final boolean usage;

  public VerifyException(boolean usage, String message) {
    super(message);
    this.usage = usage;
  }

  /** True when the command line is at fault (exit 2), false when a file or model is (exit 4). */
  public boolean usage() {
    return usage;
  }
}
