package org.ov2onnx.openvino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What kind of file a path is, checked before anything opens it: inputs must be regular files (or
 * a folder where a format is a folder), outputs must be regular files or not exist yet. A FIFO
 * would block a reader forever, and writing "atomically" over a device node would replace the
 * device; both are refused at once with a message that says what the path is.
 */
public final class PathChecks {
  private PathChecks() {}

  /** What {@code path} is: "a directory", "a FIFO, socket or device", or null for a regular file or nothing. */
  static String kindOf(Path path) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
    if (a.isRegularFile()) {
      return null;
    }
    return a.isDirectory() ? "a directory" : "a FIFO, socket or device, not a regular file";
  }

  /**
   * Refuses an input that does not exist ({@code NOT_FOUND}), or is a FIFO, socket or device, or a
   * directory unless {@code folderAllowed} ({@code READ}). {@code role} names it: "model file".
   */
  public static void checkInput(Path path, String role, boolean folderAllowed) throws OpenVinoException {
    if (!Files.exists(path)) {
      throw new OpenVinoException(OpenVinoException.Kind.NOT_FOUND, role + " not found: " + path);
    }
    String kind = kindOf(path);
    if (kind != null && !(folderAllowed && Files.isDirectory(path))) {
      throw new OpenVinoException(OpenVinoException.Kind.READ, role + " " + path + " is " + kind);
    }
  }

  /**
   * Refuses an output path that exists and is not a regular file (a device, FIFO, socket or
   * directory): such a path is never written, replaced or opened. {@code role} names it: "--report".
   */
  public static void checkOutput(Path path, String role) throws IOException {
    String kind = kindOf(path);
    if (kind != null) {
      throw new IOException("refusing to write " + role + " " + path + ": it is " + kind);
    }
  }
}
