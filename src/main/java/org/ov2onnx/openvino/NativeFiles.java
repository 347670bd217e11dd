package org.ov2onnx.openvino;

import java.io.IOException;
import java.nio.file.Path;
import org.ov2onnx.openvino.internal.Shim;

/** File operations the JDK does not offer: a kernel-side copy of a byte range between files. */
public final class NativeFiles {
  private NativeFiles() {}

  /**
   * Copies {@code length} bytes from {@code src} at {@code srcOffset} into the existing file
   * {@code dst} at {@code dstOffset}, inside the kernel (Linux {@code copy_file_range}, which is
   * what coreutils' cp uses), with a buffered fallback where that is not available.
   */
  public static void copyRange(Path src, long srcOffset, Path dst, long dstOffset, long length) throws IOException {
    Native.load();
    long n = Shim.ovx_copy_file_range(src.toString(), srcOffset, dst.toString(), dstOffset, length);
    if (n != length) {
      throw new IOException("cannot copy " + length + " bytes from " + src + " to " + dst + ": " + Native.lastError());
    }
  }

  /**
   * Drops this process's resident pages of {@code [address, address + length)} when that range lies
   * in the read-only file mapping behind constant views ({@link Node#constant()}): the data stays in
   * the file and is read back on the next access. Returns false, doing nothing, for any other range
   * (the shim checks it against the live mappings, under a lock).
   */
  public static boolean releaseMappedPages(long start, long length) {
    Native.load();
    if (start == 0 || length <= 0) {
      return false;
    }
    return Shim.ovx_release_pages(new org.bytedeco.javacpp.Pointer() {
      {
        address = start; // Pointer's own field: the range's first byte
      }
    }, length) == Shim.OVX_OK;
  }

  /**
   * An unnamed file in {@code dir} (Linux {@code O_TMPFILE}): returns its descriptor, to be written
   * through {@code /proc/self/fd/N}, or -1 where unnamed files are not supported there.
   */
  public static int openUnnamed(Path dir) throws IOException {
    if (Boolean.getBoolean("ov2onnx.noUnnamedFiles")) {
      return -1; // tests of the fallback
    }
    Native.load();
    int fd = Shim.ovx_tmpfile_open(dir.toString());
    if (fd >= 0) {
      return fd;
    }
    if (fd == Shim.OVX_ERR_UNSUPPORTED) {
      return -1;
    }
    throw new IOException(Native.lastError());
  }

  /** Names the unnamed file {@code fd} {@code target}, atomically replacing a file there. */
  public static void publishUnnamed(int fd, Path target) throws IOException {
    Native.load();
    if (Shim.ovx_tmpfile_publish(fd, target.toString()) != Shim.OVX_OK) {
      throw new IOException(Native.lastError());
    }
  }

  /** Closes the unnamed file {@code fd}; unless it was published, it is gone. */
  public static void closeUnnamed(int fd) throws IOException {
    Native.load();
    if (Shim.ovx_tmpfile_close(fd) != Shim.OVX_OK) {
      throw new IOException(Native.lastError());
    }
  }
}
