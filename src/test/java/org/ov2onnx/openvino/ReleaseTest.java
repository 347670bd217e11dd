package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;

/**
 * Closing a model releases its mapping of the weights and its file handle at once, whatever the
 * garbage collector does: over 1,000 read/view/close cycles (every 25th a whole conversion), with
 * every constant view kept reachable, no descriptor and no mapping of the .bin outlives its model.
 * Views taken before close stay readable after it (they read zeros) and never crash.
 */
class ReleaseTest {
  @TempDir Path dir;

  /** Open descriptors of this process that refer to {@code file}. */
  static long descriptorsOf(Path file) throws IOException {
    Path real = file.toRealPath();
    long n = 0;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).equals(real)) {
            n++;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return n;
  }

  /** Mappings of {@code file} in this process. */
  static long mappingsOf(Path file) throws IOException {
    String real = file.toRealPath().toString();
    return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.endsWith(" " + real)).count();
  }

  static long allDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void closeReleasesMappingsAndHandlesAtOnce() throws Exception {
    Path xml = Fixtures.sample();
    Path bin = xml.resolveSibling("sample-cnn.bin");
    List<ConstantData> kept = new ArrayList<>();
    long before = allDescriptors();
    try (Core core = Core.create()) {
      for (int cycle = 0; cycle < 1000; cycle++) {
        ConstantData first = null;
        byte[] expected = null;
        try (Model m = core.readModel(xml)) {
          for (Node n : m.nodes()) {
            if (n.type().equals("Constant")) {
              ConstantData c = n.constant();
              kept.add(c);
              if (first == null && c.byteSize() > 0) {
                first = c;
                expected = new byte[(int) c.byteSize()];
                c.bytes().get(expected);
              }
            }
          }
          assertTrue(mappingsOf(bin) > 0, "mapped while open");
        }
        assertEquals(0, descriptorsOf(bin), "cycle " + cycle + ": no handle on the .bin after close");
        assertEquals(0, mappingsOf(bin), "cycle " + cycle + ": no mapping of the .bin after close");
        ByteBuffer after = first.bytes();
        while (after.hasRemaining()) {
          assertEquals(0, after.get(), "a view read after close reads zeros");
        }
        assertTrue(expected.length > 0);
        if (cycle % 25 == 0) {
          new Converter().convert(xml, dir.resolve("out.onnx"), ConvertOptions.defaults());
          assertEquals(0, descriptorsOf(bin), "cycle " + cycle + ": no handle after a conversion");
          assertEquals(0, mappingsOf(bin), "cycle " + cycle + ": no mapping after a conversion");
        }
      }
    }
    assertTrue(allDescriptors() <= before + 8, "descriptors: " + before + " before, " + allDescriptors() + " after");
    assertTrue(kept.size() >= 1000, "views were kept reachable throughout");
  }
}
