package org.ov2onnx.openvino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The IR pre-check ({@link IrPrecheck}) started ahead of time, for a command line that knows which
 * model it will read before it has parsed its arguments: the check runs on a daemon thread while
 * the CLI parses its arguments and loads OpenVINO's libraries, and {@link Core#readModel} takes its
 * result instead of checking again.
 *
 * <p>A result is taken only for the very file that was checked: its real path, size, modification
 * time and file key (device and inode) when the check began, when it ended and when {@code
 * readModel} asks must all be the same. Otherwise, and whenever the early check could not decide
 * (the file could not be read, it is not XML, the thread failed), {@code readModel} checks the file
 * itself, as it does when nothing was started (a library user). A refusal is the same error, word
 * for word, as the check in {@code readModel} would throw. As before, OpenVINO's reader reads the
 * file again after the check; a file changed in between is no worse off than without this class.
 */
public final class EarlyPrecheck {
  /** The check started last, or null. */
  private static volatile Run current;

  private EarlyPrecheck() {}

  /**
   * Starts checking {@code model} (a path as given on the command line) on a daemon thread and
   * returns at once. Does nothing more than that: a path that is not a regular XML file, or any
   * failure, leaves the check to {@link Core#readModel}.
   */
  public static void start(String model) {
    Run run = new Run(model);
    Thread t = new Thread(run, "ov2onnx-precheck");
    t.setDaemon(true); // never keeps the JVM alive
    current = run;
    try {
      t.start();
    } catch (Throwable e) { // e.g. no memory for a thread: no early result
      current = null;
    }
  }

  /** Forgets any early check (for tests). */
  static void reset() {
    current = null;
  }

  /**
   * Checks the IR {@code xml} ({@link IrPrecheck#check}), with the early result if there is one
   * for this file.
   */
  static void check(Path xml) throws OpenVinoException {
    Run run = current;
    if (run != null) {
      String verdict = run.verdictFor(Identity.of(xml));
      if (verdict == Run.PASSED) {
        return;
      } else if (verdict != null) {
        throw IrPrecheck.refused(xml, verdict);
      }
    }
    IrPrecheck.check(xml);
  }

  /**
   * Which file a path names, and its state. (Not a record, nor a lambda below: their first use
   * bootstraps method handles, tens of milliseconds at start-up on the CLI's critical path.)
   */
  static final class Identity {
    private final Path realPath;
    private final long size;
    private final FileTime modified;
    private final Object fileKey;

    private Identity(Path realPath, long size, FileTime modified, Object fileKey) {
      this.realPath = realPath;
      this.size = size;
      this.modified = modified;
      this.fileKey = fileKey;
    }

    /** The identity of the regular file {@code path}, or null if it is not one or cannot be read. */
    static Identity of(Path path) {
      try {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile() || a.fileKey() == null) {
          return null;
        }
        return new Identity(path.toRealPath(), a.size(), a.lastModifiedTime(), a.fileKey());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    boolean same(Identity other) {
      return other != null && size == other.size && realPath.equals(other.realPath)
          && modified.equals(other.modified) && fileKey.equals(other.fileKey);
    }
  }

  /** One early check, on its own thread. */
  private static final class Run implements Runnable {
    /** The verdict of a check that found no problem. */
    static final String PASSED = new String("passed");

    private final String model;
    /** The file's identity when the check began, and when it ended. */
    private Identity before;
    private Identity after;
    /** {@link #PASSED}, the problem found, or null for no verdict. */
    private String verdict;
    private boolean identified;
    private boolean done;

    Run(String model) {
      this.model = model;
    }

    @Override
    public void run() {
      Identity begin = null;
      Identity end = null;
      String found = null;
      try {
        Path file = Path.of(model);
        begin = Identity.of(file);
        identified(begin);
        if (begin != null && IrPrecheck.looksLikeXml(file)) {
          String problem = IrPrecheck.problem(file);
          found = problem == null ? PASSED : problem;
          end = Identity.of(file);
        }
      } catch (IOException | RuntimeException | Error e) { // no verdict: readModel checks the file itself
        found = null;
      } finally {
        finished(begin, found, end);
      }
    }

    private synchronized void identified(Identity begin) {
      before = begin;
      identified = true;
      notifyAll();
    }

    private synchronized void finished(Identity begin, String found, Identity end) {
      before = begin;
      verdict = found;
      after = end;
      identified = true;
      done = true;
      notifyAll();
    }

    /**
     * The verdict on the file whose identity is {@code now}: waits for it if the check is about
     * that file, returns null at once if it is about another file, and null if the file changed
     * while it was checked or the check reached no verdict.
     */
    synchronized String verdictFor(Identity now) {
      try {
        while (!identified) {
          wait();
        }
        if (now == null || !now.same(before)) {
          return null;
        }
        while (!done) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      return now.same(after) ? verdict : null;
    }
  }
}
