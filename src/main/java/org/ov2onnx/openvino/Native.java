package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.ov2onnx.openvino.internal.NativeHandle;
import org.ov2onnx.openvino.internal.NativeLibraries;
import org.ov2onnx.openvino.internal.Shim;

/** Helpers at the native boundary: status checks, strings, views of native memory. */
final class Native {
  private Native() {}

  static void load() {
    NativeLibraries.ensureLoaded();
  }

  /** Throws if {@code status} is a failure, with {@code context} and OpenVINO's message. */
  static void check(int status, String context) throws OpenVinoException {
    if (status != Shim.OVX_OK) {
      throw failure(status, context);
    }
  }

  static OpenVinoException failure(int status, String context) {
    String full = lastError();
    String brief = condense(full);
    String message = brief.isEmpty() ? context : context + ": " + brief;
    return new OpenVinoException(OpenVinoException.Kind.of(status), message, full);
  }

  static String lastError() {
    return utf8(Shim.ovx_last_error());
  }

  /**
   * OpenVINO's messages carry source locations and "Check '...' failed" lines around the one
   * sentence that says what is wrong. Keeps the sentences, drops the noise, makes one line.
   */
  static String condense(String message) {
    if (message == null) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String raw : message.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()
          || line.startsWith("Check '")
          || line.startsWith("Exception from src")
          || line.startsWith("Exception from ")
          || line.matches("^(src|/|\\.\\./).*:\\d+:?$")) {
        continue;
      }
      line = line.replaceFirst("^\\[ ?[A-Z_]+ ?\\]\\s*", "");
      if (!kept.contains(line)) {
        kept.add(line);
      }
    }
    String joined = String.join(" ", kept).replaceAll("\\s+", " ").strip();
    return joined.length() > 400 ? joined.substring(0, 397) + "..." : joined;
  }

  /** A shim-owned string; the shim returns NULL only on failure. */
  static String string(BytePointer p, String context) throws OpenVinoException {
    if (p == null || p.isNull()) {
      throw failure(Shim.OVX_ERR_GENERAL, context);
    }
    return p.getString(StandardCharsets.UTF_8);
  }

  /** A string the shim returned through a String-typed binding; null only on failure. */
  static String string(String s, String context) throws OpenVinoException {
    if (s == null) {
      throw failure(Shim.OVX_ERR_GENERAL, context);
    }
    return s;
  }

  static String utf8(BytePointer p) {
    return p == null || p.isNull() ? "" : p.getString(StandardCharsets.UTF_8);
  }

  /** Copies {@code size} bytes at {@code data} into a Java string (bytes may include NUL). */
  static String utf8(BytePointer data, long size) {
    if (size == 0) {
      return "";
    }
    if (size < 0 || size > Integer.MAX_VALUE - 8 || data == null || data.isNull()) {
      throw new IllegalArgumentException("invalid native string: " + size + " bytes at " + data);
    }
    byte[] bytes = new byte[(int) size];
    data.capacity(size).get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static long count(long value, String context) throws OpenVinoException {
    if (value < 0) {
      throw failure(Shim.OVX_ERR_GENERAL, context);
    }
    return value;
  }

  /**
   * A read-only, little-endian direct view of {@code size} bytes of native memory at {@code
   * address}. {@code owner} (a native handle that keeps that memory alive) is released only when
   * the view, and every buffer derived from it, is unreachable.
   */
  static <P extends Pointer> ByteBuffer view(Pointer address, long size, P owner, Consumer<P> free) {
    ByteBuffer root;
    if (size == 0 || address == null || address.isNull()) {
      root = ByteBuffer.allocateDirect(0);
    } else {
      root = new BytePointer(address).capacity(size).asByteBuffer();
    }
    NativeHandle.releaseWhenUnreachable(root, owner, free);
    return root.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Shape dims written by the shim as plain lengths. */
  static long[] dims(long rank, long[] buffer) {
    long[] dims = new long[(int) rank];
    System.arraycopy(buffer, 0, dims, 0, (int) rank);
    return dims;
  }
}
