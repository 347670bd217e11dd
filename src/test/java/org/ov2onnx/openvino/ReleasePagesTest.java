package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NativeFiles.releaseMappedPages: the writer drops the pages of weights it has encoded, which must
 * shrink this process's memory, keep the data readable, and refuse any memory that is not the
 * read-only mapping behind constant views.
 */
class ReleasePagesTest {
  /** Resident kB of this process's mappings of {@code file}. */
  static long residentKiB(Path file) throws Exception {
    String name = file.toRealPath().toString();
    long kib = 0;
    boolean inFile = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
      if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
        inFile = line.endsWith(name);
      } else if (inFile && line.startsWith("Rss:")) {
        kib += Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return kib;
  }

  /** An IR of one u8 Const of {@code n} bytes (all of the .bin) and its Result. */
  private static String constantIr(int n) {
    return "<?xml version=\"1.0\"?>\n<net name=\"m\" version=\"11\"><layers>"
        + "<layer id=\"0\" name=\"w\" type=\"Const\" version=\"opset1\">"
        + "<data element_type=\"u8\" shape=\"" + n + "\" offset=\"0\" size=\"" + n + "\"/>"
        + "<output><port id=\"0\" precision=\"U8\"><dim>" + n + "</dim></port></output></layer>"
        + "<layer id=\"1\" name=\"out\" type=\"Result\" version=\"opset1\">"
        + "<input><port id=\"0\" precision=\"U8\"><dim>" + n + "</dim></port></input></layer>"
        + "</layers><edges><edge from-layer=\"0\" from-port=\"0\" to-layer=\"1\" to-port=\"0\"/></edges></net>\n";
  }

  private static byte[] read(ConstantData c) {
    ByteBuffer b = c.bytes().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void releasedWeightsLeaveMemoryAndStayReadable() throws Exception {
    Path dir = Files.createTempDirectory("release-pages");
    // a weights file of 64 pages of distinct bytes, read by one Const of 64 * 4096 bytes
    int bytes = 64 * 4096;
    Path xml = dir.resolve("m.xml");
    Path bin = dir.resolve("m.bin");
    byte[] data = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      data[i] = (byte) (i * 31 + i / 4096);
    }
    Files.write(bin, data);
    Files.writeString(xml, constantIr(bytes));
    try (Core core = Core.create(); Model model = core.readModel(xml)) {
      List<ConstantData> views = new ArrayList<>();
      for (Node n : model.nodes()) {
        if (n.type().equals("Constant")) {
          views.add(n.constant());
        }
      }
      assertEquals(1, views.size());
      ConstantData c = views.get(0);
      assertArrayEquals(data, read(c));
      assertTrue(residentKiB(bin) >= bytes / 1024, "read through the mapping: resident");
      assertTrue(NativeFiles.releaseMappedPages(c.address(), c.byteSize()));
      assertTrue(residentKiB(bin) < bytes / 1024 / 2, "released: " + residentKiB(bin) + " kB resident");
      assertArrayEquals(data, read(c), "the data reads back the same");
      // memory that is not a constant view's mapping is refused and left alone
      ByteBuffer own = ByteBuffer.allocateDirect(1 << 16);
      own.put(0, (byte) 42);
      long ownAddress = new org.bytedeco.javacpp.Pointer(own).address();
      assertFalse(NativeFiles.releaseMappedPages(ownAddress, own.capacity()));
      assertEquals(42, own.get(0));
      assertFalse(NativeFiles.releaseMappedPages(c.address(), c.byteSize() + (1L << 30)), "past the mapping's end");
      assertFalse(NativeFiles.releaseMappedPages(0, 4096));
    }
  }
}
