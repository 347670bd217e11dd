package org.ov2onnx.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * Finds which file, if any, a direct buffer's memory is mapped from (Linux: /proc/self/maps). The
 * writer uses it to copy memory-mapped weights file-to-file inside the kernel, so that weights
 * never pass through the Java heap and never become resident in this process.
 */
final class FileRegions {
  /** A byte range of a regular file. */
  record Region(Path file, long offset, long length) {}

  private record Mapping(long start, long end, long fileOffset, Path file) {}

  private final List<Mapping> mappings;

  private FileRegions(List<Mapping> mappings) {
    this.mappings = mappings;
  }

  /** A snapshot of this process's file mappings; empty where /proc/self/maps does not exist. */
  static FileRegions snapshot() {
    List<Mapping> list = new ArrayList<>();
    Path maps = Path.of("/proc/self/maps");
    if (Files.isReadable(maps)) {
      try {
        for (String line : Files.readAllLines(maps)) {
          String[] f = line.trim().split("\\s+", 6);
          if (f.length < 6 || !f[5].startsWith("/") || f[5].endsWith(" (deleted)")) {
            continue;
          }
          String[] range = f[0].split("-");
          list.add(new Mapping(
              Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
              Long.parseUnsignedLong(f[2], 16), Path.of(f[5])));
        }
      } catch (IOException | RuntimeException e) {
        list.clear();
      }
    }
    return new FileRegions(list);
  }

  /** The file region {@code buffer}'s remaining bytes are mapped from, or null. */
  Region locate(ByteBuffer buffer) {
    if (!buffer.isDirect() || mappings.isEmpty()) {
      return null;
    }
    long address = new Pointer(buffer).address();
    long length = buffer.remaining();
    for (Mapping m : mappings) {
      if (Long.compareUnsigned(address, m.start) >= 0 && Long.compareUnsigned(address + length, m.end) <= 0) {
        if (!Files.isRegularFile(m.file)) {
          return null;
        }
        return new Region(m.file, m.fileOffset + (address - m.start), length);
      }
    }
    return null;
  }
}
