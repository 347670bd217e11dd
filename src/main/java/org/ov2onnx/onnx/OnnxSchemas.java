package org.ov2onnx.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX operator schemas: inputs, outputs and type constraints of every operator version, for
 * {@link OnnxTypeCheck}. The default domain's table is generated at build time from the pinned
 * onnx wheel ({@code native/onnx-schemas.py}, resource {@code onnx-schemas.tsv}); the few
 * {@code com.microsoft} operators ov2onnx writes are described by hand ({@code contrib-schemas.tsv}).
 * Both are read once, on first use.
 *
 * <p>A value's type is a small code: {@code kind * 32 + elem}, where {@code elem} is ONNX's
 * {@code TensorProto.DataType} number and {@code kind} is 0 for a tensor, 1 a sequence of tensors,
 * 2 an optional tensor, 3 an optional sequence. 0 means "unknown".
 */
final class OnnxSchemas {
  static final int UNKNOWN = 0;
  static final int SEQ = 32;
  static final int OPT = 64;
  static final int OPT_SEQ = 96;

  /** ONNX's names of its element types, indexed by DataType number. */
  private static final String[] ELEM = {
    null, "float", "uint8", "int8", "uint16", "int16", "int32", "int64", "string", "bool", "float16", "double",
    "uint32", "uint64", "complex64", "complex128", "bfloat16", "float8e4m3fn", "float8e4m3fnuz", "float8e5m2",
    "float8e5m2fnuz", "uint4", "int4", "float4e2m1", "float8e8m0"
  };

  private static final Map<String, Integer> CODES = new HashMap<>();

  static {
    String[] kinds = {"", "seq(", "opt(", "optseq("};
    for (int k = 0; k < kinds.length; k++) {
      for (int e = 1; e < ELEM.length; e++) {
        CODES.put(k == 0 ? ELEM[e] : kinds[k] + ELEM[e] + ")", k * 32 + e);
      }
    }
  }

  /** The set of type codes a formal parameter accepts: two 64-bit masks (and the table's text, for messages). */
  record Allowed(long lo, long hi, String types) {
    boolean has(int code) {
      return code < 64 ? (lo >>> code & 1) != 0 : (hi >>> (code - 64) & 1) != 0;
    }

    /** ONNX's spelling of the allowed types, for messages. */
    String text() {
      StringBuilder text = new StringBuilder();
      for (String t : types.split(" ")) {
        Integer code = CODES.get(t);
        if (code != null) {
          text.append(text.length() == 0 ? "" : ", ").append(typeName(code));
        }
      }
      return text.toString();
    }

    /** The only type allowed, or UNKNOWN when there are several. */
    int single() {
      if (Long.bitCount(lo) + Long.bitCount(hi) != 1) {
        return UNKNOWN;
      }
      return lo != 0 ? Long.numberOfTrailingZeros(lo) : 64 + Long.numberOfTrailingZeros(hi);
    }
  }

  /** One formal input or output; {@code param} indexes the schema's type parameters, or is -1 for a fixed type. */
  record Formal(String name, char option, boolean homogeneous, int param, Allowed allowed, String typeName) {
    boolean variadic() {
      return option == 'V';
    }
  }

  /** One version of one operator. */
  record Schema(
      String name, int since, boolean deprecated, int minIn, int maxIn, int minOut, int maxOut, Formal[] inputs,
      Formal[] outputs, String[] params) {
    /** The formal parameter of actual position {@code i} (the last one, if variadic, takes the rest); null past the end. */
    Formal input(int i) {
      return formal(inputs, i);
    }

    Formal output(int i) {
      return formal(outputs, i);
    }

    private static Formal formal(Formal[] formals, int i) {
      if (i < formals.length) {
        return formals[i];
      }
      return formals.length > 0 && formals[formals.length - 1].variadic() ? formals[formals.length - 1] : null;
    }

    String label() {
      return name + "-" + since;
    }
  }

  /** Domain → its table. */
  private final Map<String, Table> domains;

  private OnnxSchemas(Map<String, Table> domains) {
    this.domains = domains;
  }

  private static final class Holder {
    static final OnnxSchemas INSTANCE = load();
  }

  static OnnxSchemas get() {
    return Holder.INSTANCE;
  }

  /** The schema in force for {@code op} of {@code domain} at {@code opset} (the largest since_version ≤ opset), or null. */
  Schema resolve(String domain, String op, int opset) {
    Table table = domains.get(domain);
    Schema[] versions = table == null ? null : table.versions(op);
    if (versions == null) {
      return null;
    }
    Schema found = null;
    for (Schema s : versions) {
      if (s.since <= opset) {
        found = s;
      }
    }
    return found;
  }

  /**
   * One domain's table, read whole at first use but parsed one operator at a time, when a model
   * first uses it: the versions of an operator are consecutive blocks of the file.
   */
  private static final class Table {
    final String resource;
    final String text;
    /** Operator → start and end offsets of its blocks in {@code text}. */
    final Map<String, int[]> ranges = new HashMap<>();
    final java.util.concurrent.ConcurrentHashMap<String, Schema[]> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    Table(String resource, String text) {
      this.resource = resource;
      this.text = text;
      int at = text.startsWith("op\t") ? 0 : next(0);
      while (at >= 0) {
        int nameEnd = text.indexOf('\t', at + 3);
        String name = text.substring(at + 3, nameEnd);
        int end = next(at + 1);
        int start = at;
        int[] range = ranges.computeIfAbsent(name, k -> new int[] {start, 0});
        range[1] = end < 0 ? text.length() : end;
        at = end;
      }
    }

    /** The offset of the next line starting with "op\t" after {@code from}, or -1. */
    private int next(int from) {
      int i = text.indexOf("\nop\t", from);
      return i < 0 ? -1 : i + 1;
    }

    Schema[] versions(String op) {
      int[] range = ranges.get(op);
      return range == null ? null : parsed.computeIfAbsent(op, k -> parse(range[0], range[1]));
    }

    private Schema[] parse(int from, int to) {
      List<Schema> versions = new ArrayList<>();
      Builder b = null;
      for (String line : text.substring(from, to).split("\n")) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "op":
            if (b != null) {
              versions.add(b.build());
            }
            b = new Builder(f);
            break;
          case "i":
            b.in.add(f);
            break;
          case "o":
            b.out.add(f);
            break;
          case "t":
            b.params.add(f[1]);
            b.allowed.add(allowed(f[2]));
            break;
          default:
            throw new IllegalStateException("unexpected line in " + resource + ": " + line);
        }
      }
      if (b != null) {
        versions.add(b.build());
      }
      Schema[] result = versions.toArray(new Schema[0]);
      java.util.Arrays.sort(result, java.util.Comparator.comparingInt(Schema::since));
      return result;
    }
  }

  /** Whether the table describes {@code domain} at all (an operator of another domain cannot be checked). */
  boolean knows(String domain) {
    return domains.containsKey(domain);
  }

  /** ONNX's spelling of a type code: tensor(float), seq(tensor(int64)), optional(tensor(bool)). */
  static String typeName(int code) {
    int elem = code & 31;
    String e = elem > 0 && elem < ELEM.length ? "tensor(" + ELEM[elem] + ")" : "tensor(type " + elem + ")";
    switch (code >>> 5) {
      case 1:
        return "seq(" + e + ")";
      case 2:
        return "optional(" + e + ")";
      case 3:
        return "optional(seq(" + e + "))";
      default:
        return e;
    }
  }

  /** The code of a tensor of ONNX data type {@code dataType}, or UNKNOWN. */
  static int tensor(int dataType) {
    return dataType > 0 && dataType < ELEM.length ? dataType : UNKNOWN;
  }

  static final String DEFAULT_TABLE = "onnx-schemas.tsv";
  static final String CONTRIB_TABLE = "contrib-schemas.tsv";

  private static OnnxSchemas load() {
    Map<String, Table> domains = new HashMap<>();
    domains.put("", read(DEFAULT_TABLE, true));
    domains.put("com.microsoft", read(CONTRIB_TABLE, false));
    return new OnnxSchemas(domains);
  }

  private static Table read(String resource, boolean generated) {
    try (InputStream in = OnnxSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the ONNX schema table " + resource + " is missing from the classpath"
            + (generated ? " (the build generates it with native/onnx-schemas.sh)" : ""));
      }
      return new Table(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ONNX schema table " + resource, e);
    }
  }

  private static Allowed allowed(String types) {
    long lo = 0;
    long hi = 0;
    int from = 0;
    while (from < types.length()) {
      int to = types.indexOf(' ', from);
      to = to < 0 ? types.length() : to;
      Integer code = CODES.get(types.substring(from, to));
      from = to + 1;
      if (code == null) {
        continue; // a type the check does not model (maps, sparse tensors): never allowed
      }
      if (code < 64) {
        lo |= 1L << code;
      } else {
        hi |= 1L << (code - 64);
      }
    }
    return new Allowed(lo, hi, types);
  }

  private static final class Builder {
    final String name;
    final String[] op;
    final List<String[]> in = new ArrayList<>();
    final List<String[]> out = new ArrayList<>();
    final List<String> params = new ArrayList<>();
    final List<Allowed> allowed = new ArrayList<>();

    Builder(String[] op) {
      this.name = op[1];
      this.op = op;
    }

    Schema build() {
      String[] p = params.toArray(new String[0]);
      return new Schema(name, Integer.parseInt(op[2]), op[3].equals("1"), Integer.parseInt(op[4]),
          Integer.parseInt(op[5]), Integer.parseInt(op[6]), Integer.parseInt(op[7]), formals(in), formals(out), p);
    }

    private Formal[] formals(List<String[]> lines) {
      Formal[] result = new Formal[lines.size()];
      for (int i = 0; i < result.length; i++) {
        String[] f = lines.get(i);
        String type = f[4];
        int param = params.indexOf(type);
        Allowed a = param >= 0 ? allowed.get(param) : allowed(type);
        result[i] = new Formal(f[1], f[2].charAt(0), f[3].equals("1"), param, a, type);
      }
      return result;
    }
  }
}
