package org.ov2onnx.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes mutated inputs from the project's fixtures, reproducibly from one seed: XML structure
 * (elements removed, duplicated, truncated), attribute values, dimensions, element types,
 * operation types and versions, and the .bin (truncated, zeroed, bytes flipped, extended).
 */
final class Mutator {
  static final String[] VALUES = {
    "", "0", "1", "-1", "2", "3", "7", "-2", "255", "65536", "2147483647", "2147483648", "-2147483648",
    "4294967296", "9223372036854775807", "-9223372036854775808", "18446744073709551615", "1e40", "nan",
    "abc", "1,2", "1,,2", "0,0", "-1,-1", "?", "...", "1..-1", "5..2", "1..10", "f32", "string", "u1", "yes",
    "numpy", "explicit", "bidirectional", "none", "x".repeat(300)};
  static final String[] TYPES = {
    "f32", "f16", "bf16", "f64", "i4", "i8", "i16", "i32", "i64", "u1", "u2", "u3", "u4", "u6", "u8", "u16",
    "u32", "u64", "boolean", "string", "nf4", "f8e4m3", "f8e5m2", "f4e2m1", "dynamic", "undefined", "FP32",
    "I64", "U8", "BOOL", "STRING", "bogus"};
  static final String[] OPS = {
    "Parameter", "Const", "Result", "Broadcast", "Reshape", "Add", "Multiply", "MatMul", "Convolution",
    "Concat", "Split", "VariadicSplit", "Gather", "StridedSlice", "Slice", "Transpose", "Squeeze",
    "Unsqueeze", "ShapeOf", "Convert", "ReadValue", "Assign", "Loop", "If", "TensorIterator", "TopK",
    "Interpolate", "Einsum", "MVN", "Softmax", "Relu", "Select", "Tile", "Pad", "ReduceSum", "Range",
    "NonMaxSuppression", "ScatterUpdate", "GatherND", "OneHot", "Eye", "RandomUniform", "Unique",
    "StringTensorPack", "StringTensorUnpack", "Bogus"};
  private static final Pattern ATTR = Pattern.compile("([a-z_\\-]+)=\"([^\"]*)\"");
  private static final Pattern DIM = Pattern.compile("<dim>([^<]*)</dim>");
  private static final String[] TAGS = {"layer", "edge", "port", "dim", "data", "input", "output", "body"};

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** A description of what was done, for failure reports. */
  record Mutant(Path model, Path bin, List<String> what) {}

  /** Writes a mutant of {@code xml} (and its .bin) into {@code dir} as model.xml/model.bin. */
  Mutant mutate(Path xml, Path dir) throws IOException {
    Path binSource = xml.resolveSibling(xml.getFileName().toString().replaceFirst("\\.xml$", ".bin"));
    String text = Files.readString(xml, StandardCharsets.UTF_8);
    byte[] bin = Files.exists(binSource) ? Files.readAllBytes(binSource) : new byte[0];
    List<String> what = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int k = 0; k < count; k++) {
      int kind = random.nextInt(11);
      switch (kind) {
        case 0, 1 -> text = attribute(text, what);
        case 2 -> text = removeElement(text, what);
        case 3 -> text = duplicateElement(text, what);
        case 4 -> text = dim(text, what);
        case 5 -> text = replaceAttr(text, "element_type|precision", TYPES, what);
        case 6 -> text = replaceAttr(text, "type", OPS, what);
        case 7 -> text = replaceAttr(text, "version", new String[] {"opset1", "opset3", "opset6", "opset8", "opset11", "opset13", "opset15", "opset16", "opset99", "extension"}, what);
        case 8 -> bin = mutateBin(bin, what);
        case 9 -> text = replaceAttr(text, "offset|size", VALUES, what);
        default -> {
          if (random.nextInt(4) == 0) {
            int at = random.nextInt(text.length());
            text = text.substring(0, at);
            what.add("xml truncated at " + at);
          } else {
            text = attribute(text, what);
          }
        }
      }
    }
    Files.createDirectories(dir);
    Path model = dir.resolve("model.xml");
    Path binOut = dir.resolve("model.bin");
    Files.writeString(model, text, StandardCharsets.UTF_8);
    Files.write(binOut, bin);
    return new Mutant(model, binOut, what);
  }

  /** Mutates bytes of a file of another format (ONNX): flips, truncation, zeroed runs. */
  byte[] mutateBytes(byte[] bytes, List<String> what) {
    byte[] b = bytes.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int n = 1 + random.nextInt(8);
        for (int k = 0; k < n; k++) {
          int at = random.nextInt(b.length);
          b[at] = (byte) random.nextInt(256);
        }
        what.add(n + " bytes changed");
      }
      case 1 -> {
        int len = random.nextInt(b.length);
        b = Arrays.copyOf(b, len);
        what.add("truncated to " + len);
      }
      case 2 -> {
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        Arrays.fill(b, at, at + len, (byte) 0);
        what.add(len + " bytes zeroed at " + at);
      }
      default -> {
        int at = random.nextInt(b.length);
        b[at] = (byte) (b[at] ^ (1 << random.nextInt(8)));
        what.add("bit flipped at " + at);
      }
    }
    return b;
  }

  private byte[] mutateBin(byte[] bin, List<String> what) {
    if (bin.length == 0) {
      what.add("bin: 16 random bytes");
      byte[] b = new byte[16];
      random.nextBytes(b);
      return b;
    }
    switch (random.nextInt(4)) {
      case 0 -> {
        int len = random.nextInt(bin.length);
        what.add("bin truncated to " + len);
        return Arrays.copyOf(bin, len);
      }
      case 1 -> {
        what.add("bin zeroed");
        return new byte[bin.length];
      }
      case 2 -> {
        byte[] b = bin.clone();
        int n = 1 + random.nextInt(16);
        for (int k = 0; k < n; k++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        what.add("bin: " + n + " bytes changed");
        return b;
      }
      default -> {
        int extra = 1 + random.nextInt(64);
        what.add("bin extended by " + extra);
        return Arrays.copyOf(bin, bin.length + extra);
      }
    }
  }

  private String attribute(String text, List<String> what) {
    List<int[]> spans = spans(ATTR.matcher(text), 2);
    if (spans.isEmpty()) {
      return text;
    }
    int[] s = spans.get(random.nextInt(spans.size()));
    String value = random.nextInt(5) == 0 ? Integer.toString(random.nextInt(100000) - 50000) : VALUES[random.nextInt(VALUES.length)];
    what.add("attribute at " + s[0] + " = '" + abbreviate(value) + "'");
    return text.substring(0, s[0]) + value + text.substring(s[1]);
  }

  private String replaceAttr(String text, String names, String[] values, List<String> what) {
    Matcher m = Pattern.compile("\\b(" + names + ")=\"([^\"]*)\"").matcher(text);
    List<int[]> spans = spans(m, 2);
    if (spans.isEmpty()) {
      return text;
    }
    int[] s = spans.get(random.nextInt(spans.size()));
    String value = values[random.nextInt(values.length)];
    what.add(names + " at " + s[0] + " = '" + abbreviate(value) + "'");
    return text.substring(0, s[0]) + value + text.substring(s[1]);
  }

  private String dim(String text, List<String> what) {
    List<int[]> spans = spans(DIM.matcher(text), 1);
    if (spans.isEmpty()) {
      return text;
    }
    int[] s = spans.get(random.nextInt(spans.size()));
    String value = VALUES[random.nextInt(VALUES.length)];
    what.add("dim at " + s[0] + " = '" + abbreviate(value) + "'");
    return text.substring(0, s[0]) + value + text.substring(s[1]);
  }

  private int[] element(String text) {
    String tag = TAGS[random.nextInt(TAGS.length)];
    List<Integer> starts = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "[\\s>/]").matcher(text);
    while (m.find()) {
      starts.add(m.start());
    }
    if (starts.isEmpty()) {
      return null;
    }
    int start = starts.get(random.nextInt(starts.size()));
    int close = text.indexOf('>', start);
    if (close < 0) {
      return null;
    }
    int end;
    if (text.charAt(close - 1) == '/') {
      end = close + 1;
    } else {
      int e = text.indexOf("</" + tag + ">", close);
      if (e < 0) {
        return null;
      }
      end = e + tag.length() + 3;
    }
    return new int[] {start, end};
  }

  private String removeElement(String text, List<String> what) {
    int[] e = element(text);
    if (e == null) {
      return text;
    }
    what.add("removed " + abbreviate(text.substring(e[0], e[1])));
    return text.substring(0, e[0]) + text.substring(e[1]);
  }

  private String duplicateElement(String text, List<String> what) {
    int[] e = element(text);
    if (e == null) {
      return text;
    }
    what.add("duplicated " + abbreviate(text.substring(e[0], e[1])));
    return text.substring(0, e[1]) + text.substring(e[0], e[1]) + text.substring(e[1]);
  }

  private static List<int[]> spans(Matcher m, int group) {
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(group), m.end(group)});
    }
    return spans;
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }
}
