package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.ov2onnx.convert.ops.BuiltInConverters;
import org.ov2onnx.convert.spi.ConverterProvider;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Which converter handles which OpenVINO operation (type and version). Built from the explicit
 * list in {@link BuiltInConverters} plus any {@link ConverterProvider} found by {@link
 * ServiceLoader}; a (type, version) pair claimed twice is an error. Pairs that ONNX cannot express
 * at any opset are recorded as {@link Refusal}s with the reason.
 */
public final class ConverterRegistry {
  /** One registered (type, version) pair. */
  public record Entry(
      String type, int version, int minOpset, String notes, OpConverter converter, boolean builtIn) {
    public String key() {
      return type + "-" + version;
    }
  }

  /**
   * A (type, version) pair that no ONNX opset can express, so it is refused with this reason (in
   * docs/SUPPORTED_OPS.md, and when a model holds it).
   */
  public record Refusal(String type, int version, String reason) {
    public Refusal {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException(type + "-" + version + " is refused without a reason");
      }
    }

    public String key() {
      return type + "-" + version;
    }
  }

  private static final String STRING_BYTES =
      "ONNX has no operator that turns strings into their bytes or bytes into strings at any opset: its string "
          + "operators (StringConcat, StringSplit, RegexFullMatch, StringNormalizer, Equal) keep strings whole";

  /** The built-in refusals: only pairs that ONNX cannot express at any opset. */
  private static final List<Refusal> REFUSALS = List.of(
      new Refusal("StringTensorPack", 15, STRING_BYTES + " (StringTensorPack builds strings from u8 bytes)"),
      new Refusal("StringTensorUnpack", 15, STRING_BYTES + " (StringTensorUnpack splits strings into u8 bytes)"));

  private final Map<String, Entry> entries;
  /** The entries by type, each indexed by version: {@link #find} is asked once or twice per node. */
  private final Map<String, Entry[]> byType = new java.util.HashMap<>();
  private final Map<String, Refusal> refusals = new TreeMap<>();

  private ConverterRegistry(Map<String, Entry> entries) {
    this.entries = entries;
    for (Entry e : entries.values()) {
      Entry[] versions = byType.getOrDefault(e.type(), new Entry[0]);
      if (versions.length <= e.version()) {
        versions = java.util.Arrays.copyOf(versions, e.version() + 1);
      }
      versions[e.version()] = e;
      byType.put(e.type(), versions);
    }
    for (Refusal r : REFUSALS) {
      if (entries.containsKey(r.key())) {
        throw new IllegalStateException(r.key() + " is both converted and refused");
      }
      refusals.put(r.key(), r);
    }
  }

  /** The built-in converters only. */
  public static ConverterRegistry builtIn() {
    return of(BuiltInConverters.all(), List.of());
  }

  /** The built-in converters and those of the providers on the class path. */
  public static ConverterRegistry withProviders() {
    List<OpConverter> extra = new ArrayList<>();
    for (ConverterProvider p : ServiceLoader.load(ConverterProvider.class)) {
      extra.addAll(p.converters());
    }
    return of(BuiltInConverters.all(), extra);
  }

  /** A registry of these converters; fails on a missing annotation or a duplicate pair. */
  public static ConverterRegistry of(List<OpConverter> builtIn, List<OpConverter> extra) {
    Map<String, Entry> map = new TreeMap<>();
    add(map, builtIn, true);
    add(map, extra, false);
    return new ConverterRegistry(Collections.unmodifiableMap(map));
  }

  private static void add(Map<String, Entry> map, List<OpConverter> converters, boolean builtIn) {
    for (OpConverter c : converters) {
      ConvertsOp meta = c.getClass().getAnnotation(ConvertsOp.class);
      if (meta == null) {
        throw new IllegalStateException(c.getClass().getName() + " has no @ConvertsOp annotation");
      }
      if (meta.versions().length == 0) {
        throw new IllegalStateException(c.getClass().getName() + " declares no versions");
      }
      for (int v : meta.versions()) {
        Entry e = new Entry(meta.type(), v, meta.minOpset(), meta.notes(), c, builtIn);
        Entry old = map.putIfAbsent(e.key(), e);
        if (old != null) {
          throw new IllegalStateException(
              "two converters for " + e.key() + ": " + old.converter().getClass().getName() + " and " + c.getClass().getName());
        }
      }
    }
  }

  public Optional<Entry> find(String type, int version) {
    Entry[] versions = byType.get(type);
    return versions == null || version < 0 || version >= versions.length
        ? Optional.empty() : Optional.ofNullable(versions[version]);
  }

  /** The refusal of a (type, version) pair ONNX cannot express, if it is one. */
  public Optional<Refusal> refusal(String type, int version) {
    return Optional.ofNullable(refusals.get(type + "-" + version));
  }

  /** All refusals, sorted by type, then version. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals.values());
  }

  /** All entries, sorted by type, then version. */
  public List<Entry> entries() {
    List<Entry> list = new ArrayList<>(entries.values());
    list.sort(Comparator.comparing(Entry::type).thenComparingInt(Entry::version));
    return list;
  }
}
