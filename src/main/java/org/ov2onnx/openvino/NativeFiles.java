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
}
