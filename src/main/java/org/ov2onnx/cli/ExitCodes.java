package org.ov2onnx.cli;

/** The CLI's documented exit codes (also in README.md). */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** A verification found outputs that differ beyond tolerance. */
  public static final int MISMATCH = 1;
  /** The command line is wrong: unknown command, flag or value. */
  public static final int USAGE = 2;
  /** The model holds operations the converter does not support. */
  public static final int UNSUPPORTED = 3;
  /** A model, weights file, device or input could not be read or used. */
  public static final int UNREADABLE = 4;
  /** An internal error: a bug in ov2onnx. */
  public static final int INTERNAL = 5;

  private ExitCodes() {}
}
