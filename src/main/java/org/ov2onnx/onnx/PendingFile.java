package org.ov2onnx.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ov2onnx.openvino.NativeFiles;

/**
 * A file being written, that gets its final name only when complete ({@link #publish}).
 *
 * <p>On Linux it is an unnamed file ({@code O_TMPFILE}) in the target's folder: it has no name
 * while it is written, so however the process ends (even SIGKILL) nothing is left behind; it is
 * written through {@code /proc/self/fd/N}. Where the file system lacks unnamed files, it is a
 * hidden {@code .ov2onnx-*.tmp} file, deleted on failure, on close, and by a shutdown hook when the
 * JVM ends on SIGTERM or SIGINT (only SIGKILL can leave one behind then).
 *
 * <p>Publishing and the shutdown hook exclude each other ({@link #commit}): a signal that arrives
 * while files are being published waits until they all are, and once the JVM is shutting down
 * nothing more is published.
 */
final class PendingFile implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static final Set<Path> FALLBACK_FILES = new LinkedHashSet<>();
  private static boolean shuttingDown;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(PendingFile::shutdown, "ov2onnx-cleanup"));
    } catch (IllegalStateException alreadyEnding) {
      // a signal arrived before the first file: the JVM is ending, so nothing may be written now
      shuttingDown = true;
    }
  }

  /** Where to write the content. */
  final Path path;
  private final int fd;
  private boolean open = true;

  private PendingFile(Path path, int fd) {
    this.path = path;
    this.fd = fd;
  }

  /** A new, empty pending file in {@code dir}; {@code suffix} names the fallback temp file. */
  static PendingFile create(Path dir, String suffix) throws IOException {
    synchronized (LOCK) {
      if (shuttingDown) {
        throw new IOException("interrupted: the process is ending");
      }
    }
    int fd = NativeFiles.openUnnamed(dir);
    if (fd >= 0) {
      return new PendingFile(Path.of("/proc/self/fd/" + fd), fd);
    }
    synchronized (LOCK) {
      if (shuttingDown) {
        throw new IOException("interrupted: the process is ending");
      }
      Path tmp = Files.createTempFile(dir, ".ov2onnx-", suffix);
      FALLBACK_FILES.add(tmp);
      return new PendingFile(tmp, -1);
    }
  }

  /** True when this is an unnamed file (nothing to clean up if the process dies). */
  boolean unnamed() {
    return fd >= 0;
  }

  /** Gives the file its name, replacing {@code target} atomically. Call inside {@link #commit}. */
  void publish(Path target) throws IOException {
    if (!Thread.holdsLock(LOCK)) {
      throw new IllegalStateException("publish outside commit");
    }
    if (fd >= 0) {
      NativeFiles.publishUnnamed(fd, target);
    } else {
      Files.move(path, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      FALLBACK_FILES.remove(path);
    }
  }

  /** An action on the file system that a shutdown must not interrupt half-way. */
  interface Commit {
    void run() throws IOException;
  }

  /** Runs {@code commit} unless the JVM is shutting down; a shutdown waits for it to finish. */
  static void commit(Commit commit) throws IOException {
    synchronized (LOCK) {
      if (shuttingDown) {
        throw new IOException("interrupted: the process is ending");
      }
      commit.run();
    }
  }

  @Override
  public void close() throws IOException {
    if (!open) {
      return;
    }
    open = false;
    if (fd >= 0) {
      NativeFiles.closeUnnamed(fd);
    } else {
      synchronized (LOCK) {
        if (FALLBACK_FILES.remove(path)) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void shutdown() {
    synchronized (LOCK) {
      shuttingDown = true;
      for (Path p : FALLBACK_FILES) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // nothing more can be done while the JVM ends
        }
      }
      FALLBACK_FILES.clear();
    }
  }
}
