package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/** NumPy's .npy and .npz formats, as numpy.save / numpy.savez write them. */
class NpyTest {
  @TempDir Path dir;

  static byte[] npy(String descr, String shape, byte[] data, boolean fortran) {
    String header = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    int pad = (64 - (10 + header.length() + 1) % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    return b.array();
  }

  static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  @Test
  void npzHoldsNamedArrays() throws IOException {
    Path npz = dir.resolve("inputs.npz");
    try (OutputStream out = Files.newOutputStream(npz);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("image.npy"));
      zip.write(npy("<f4", "(2, 2)", floats(1, 2, 3, 4), false));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("mask.npy"));
      zip.write(npy("|b1", "(3,)", new byte[] {1, 0, 1}, false));
      zip.closeEntry();
    }
    Map<String, Tensor> arrays = Npy.read(npz);
    assertEquals(2, arrays.size());
    Tensor image = arrays.get("image");
    assertEquals(ElementType.F32, image.elementType());
    assertArrayEquals(new long[] {2, 2}, image.shape());
    assertEquals(4f, image.asFloats().get(3));
    assertEquals(ElementType.BOOLEAN, arrays.get("mask").elementType());
  }

  @Test
  void scalarsAndErrors() throws IOException {
    Path scalar = dir.resolve("s.npy");
    Files.write(scalar, npy("<f4", "()", floats(7), false));
    assertArrayEquals(new long[0], Npy.read(scalar).get("s").shape());
    Path fortran = dir.resolve("f.npy");
    Files.write(fortran, npy("<f4", "(2, 2)", floats(1, 2, 3, 4), true));
    assertThrows(IOException.class, () -> Npy.read(fortran));
    Path bigEndian = dir.resolve("b.npy");
    Files.write(bigEndian, npy(">f4", "(1,)", floats(1), false));
    assertThrows(IOException.class, () -> Npy.read(bigEndian));
    Path truncated = dir.resolve("t.npy");
    Files.write(truncated, npy("<f4", "(4,)", floats(1, 2), false));
    assertThrows(IOException.class, () -> Npy.read(truncated));
  }
}
