package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant data reaches Java as a view of OpenVINO's memory: the memory-mapped .bin for IR. */
class ConstantDataTest {
  private static byte[] bytes(ConstantData c) {
    ByteBuffer b = c.bytes();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static byte[] hex(String s) {
    String[] parts = s.split(" ");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  /** The file mapped at {@code address} in this process, from /proc/self/maps, or null. */
  static Path mappedFileAt(long address) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
      String[] f = line.trim().split("\\s+", 6);
      String[] range = f[0].split("-");
      long start = Long.parseUnsignedLong(range[0], 16);
      long end = Long.parseUnsignedLong(range[1], 16);
      if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
        return f.length == 6 && f[5].startsWith("/") ? Path.of(f[5]) : null;
      }
    }
    return null;
  }

  @Test
  void f32DataIsAViewOfTheMappedBinFile() throws Exception {
    Path xml = Fixtures.ir("constants");
    Path bin = xml.resolveSibling("constants.bin");
    try (Core core = Core.create();
        Model m = core.readModel(xml)) {
      ConstantData c = Fixtures.node(m, "const_f32").constant();
      assertEquals(ElementType.F32, c.elementType());
      assertArrayEquals(new long[] {128, 128}, c.shape());
      assertEquals(128 * 128 * 4, c.byteSize());
      // zero copy: the data's address lies inside this process's mapping of constants.bin
      assertEquals(bin.toRealPath(), mappedFileAt(c.address()));
      assertTrue(c.bytes().isDirect());
      assertTrue(c.bytes().isReadOnly());
      assertThrows(ReadOnlyBufferException.class, () -> c.bytes().put(0, (byte) 1));
      FloatBuffer f = c.bytes().asFloatBuffer();
      for (int i = 0; i < 16384; i++) {
        assertEquals(i * 0.5f, f.get(i), "element " + i);
      }
    }
  }

  @Test
  void aViewReadAfterItsModelIsClosedReadsZerosAndNeverCrashes() throws Exception {
    ByteBuffer data;
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("constants"))) {
      data = Fixtures.node(m, "const_f32").constant().bytes();
      assertEquals(16383 * 0.5f, data.asFloatBuffer().get(16383));
    }
    for (int round = 0; round < 3; round++) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(0f, data.asFloatBuffer().get(16383));
    assertEquals(0f, data.asFloatBuffer().get(1));
  }

  @Test
  void packedAndNarrowTypesAsOpenVinoStoresThem() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("constants"))) {
      ConstantData u1 = Fixtures.node(m, "const_u1").constant();
      assertEquals(ElementType.U1, u1.elementType());
      assertArrayEquals(hex("92 49 20"), bytes(u1));
      ConstantData u4 = Fixtures.node(m, "const_u4").constant();
      assertArrayEquals(hex("70 5e 3c 1a f8 d6 b4 02"), bytes(u4));
      assertEquals(15, u4.elementCount());
      assertArrayEquals(hex("d8 72 1c b6 50 fa 94 0e"), bytes(Fixtures.node(m, "const_i4").constant()));
      ConstantData nf4 = Fixtures.node(m, "const_nf4").constant();
      assertEquals(ElementType.NF4, nf4.elementType());
      assertArrayEquals(hex("10 32 54 76 98 ba dc fe"), bytes(nf4));
      ConstantData bf16 = Fixtures.node(m, "const_bf16").constant();
      assertEquals(32, bf16.byteSize());
      assertEquals((short) (Float.floatToIntBits(-4.0f) >>> 16), bf16.bytes().getShort(0));
      ConstantData u64 = Fixtures.node(m, "const_u64").constant();
      assertEquals("15000000000000000000", Long.toUnsignedString(u64.bytes().getLong(24)));
      ConstantData bool = Fixtures.node(m, "const_boolean").constant();
      assertArrayEquals(new byte[] {1, 0, 0, 1, 0, 0, 1, 0, 0, 1}, bytes(bool));
      ConstantData i64 = Fixtures.node(m, "const_i64").constant();
      assertEquals(-3 * 1234567890123L, i64.bytes().getLong(0));
    }
  }

  @Test
  void stringConstants() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("constants"))) {
      ConstantData s = Fixtures.node(m, "const_string").constant();
      assertEquals(ElementType.STRING, s.elementType());
      assertEquals(List.of("hello", "", "wörld", "ov2onnx"), s.strings());
      assertEquals(0, s.byteSize());
    }
  }

  @Test
  void nonConstantNodeIsRefused() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("constants"))) {
      OpenVinoException e = assertThrows(OpenVinoException.class, () -> Fixtures.node(m, "x").constant());
      assertEquals(OpenVinoException.Kind.UNSUPPORTED, e.kind());
      assertTrue(e.getMessage().contains("not a Constant"), e.getMessage());
    }
  }
}
