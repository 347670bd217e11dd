package org.ov2onnx.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/** Reads NumPy's .npy files and .npz archives (C order, little-endian or single-byte types). */
public final class Npy {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** The arrays of a .npy (one, named after the file without its extension) or a .npz file. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    if (name.toLowerCase(Locale.ROOT).endsWith(".npz")) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
          String entry = e.getName();
          if (!entry.endsWith(".npy")) {
            continue;
          }
          arrays.put(entry.substring(0, entry.length() - 4), parse(readAll(zip), file + ":" + entry));
        }
      }
      if (arrays.isEmpty()) {
        throw new IOException(file + " holds no .npy arrays");
      }
    } else {
      arrays.put(name.replaceAll("\\.npy$", ""), parse(Files.readAllBytes(file), file.toString()));
    }
    return arrays;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  static Tensor parse(byte[] bytes, String where) throws IOException {
    if (bytes.length < 10 || bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
      throw new IOException(where + " is not a .npy file");
    }
    int major = bytes[6];
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength;
    int start;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(b.getShort(8));
      start = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new IOException(where + " is truncated");
      }
      headerLength = b.getInt(8);
      start = 12;
    } else {
      throw new IOException(where + ": unsupported .npy version " + major);
    }
    if (headerLength < 0 || start + headerLength > bytes.length) {
      throw new IOException(where + " is truncated");
    }
    String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw new IOException(where + ": malformed .npy header " + header.strip());
    }
    if (f.group(1).equals("True")) {
      throw new IOException(where + ": Fortran-ordered arrays are not supported (save with np.ascontiguousarray)");
    }
    ElementType type = type(d.group(1), where);
    String[] parts = s.group(1).split(",");
    long[] shape = java.util.Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).mapToLong(Long::parseLong).toArray();
    long count = 1;
    for (long dim : shape) {
      count *= dim;
    }
    long size = type.byteSize(count);
    int dataStart = start + headerLength;
    if (bytes.length - dataStart < size) {
      throw new IOException(where + " is truncated: needs " + size + " bytes of data, has " + (bytes.length - dataStart));
    }
    ByteBuffer data = ByteBuffer.allocateDirect((int) size).order(ByteOrder.LITTLE_ENDIAN);
    data.put(bytes, dataStart, (int) size).flip();
    return Tensor.of(type, shape, data);
  }

  private static ElementType type(String descr, String where) throws IOException {
    String code = descr.length() == 3 && (descr.charAt(0) == '<' || descr.charAt(0) == '|' || descr.charAt(0) == '=')
        ? descr.substring(1) : null;
    if (code == null) {
      throw new IOException(where + ": unsupported dtype '" + descr + "' (big-endian or non-numeric)");
    }
    return switch (code) {
      case "f4" -> ElementType.F32;
      case "f8" -> ElementType.F64;
      case "f2" -> ElementType.F16;
      case "i1" -> ElementType.I8;
      case "i2" -> ElementType.I16;
      case "i4" -> ElementType.I32;
      case "i8" -> ElementType.I64;
      case "u1" -> ElementType.U8;
      case "u2" -> ElementType.U16;
      case "u4" -> ElementType.U32;
      case "u8" -> ElementType.U64;
      case "b1" -> ElementType.BOOLEAN;
      default -> throw new IOException(where + ": unsupported dtype '" + descr + "'");
    };
  }
}
