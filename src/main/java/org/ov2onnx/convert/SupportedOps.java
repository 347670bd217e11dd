package org.ov2onnx.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.rewrite.Rewrites;
import org.ov2onnx.convert.spi.GraphRewrite;

/**
 * The support table: every operation version of OpenVINO's opset1..opset16 (from the bundled
 * openvino-ops.tsv), and whether and how the registry converts it. docs/SUPPORTED_OPS.md is this
 * table; a test keeps it in sync.
 */
public final class SupportedOps {
  /** One operation version of OpenVINO's opsets. */
  public record OpVersion(String type, int version, int firstOpset, int lastOpset) {}

  private SupportedOps() {}

  /** All operation versions of opset1..opset16, as listed in openvino-ops.tsv. */
  public static List<OpVersion> openVinoOps() {
    List<OpVersion> ops = new ArrayList<>();
    try (InputStream in = SupportedOps.class.getResourceAsStream("/org/ov2onnx/openvino-ops.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        ops.add(new OpVersion(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ops;
  }

  /**
   * The operation version (row of openvino-ops.tsv) that OpenVINO means by {@code reported}, the
   * {@code version_id} it gives a node. That is usually the opset in which the version appeared
   * (Acosh-3 is reported as 4), but not always (LogicalXor-1 as 2, ShuffleChannels-1, which
   * appeared in opset 3, as 1, Squeeze-15, first in opset 16, as 15): the row whose version is
   * {@code reported}, else the latest one appearing at or before {@code reported}, or the type's
   * first row when there is none. Empty if OpenVINO's opsets have no such type.
   */
  public static java.util.Optional<OpVersion> rowOf(List<OpVersion> ops, String type, int reported) {
    for (OpVersion o : ops) {
      if (o.type().equals(type) && o.version() == reported) {
        return java.util.Optional.of(o); // Squeeze-15, reported as 15, first listed in opset 16
      }
    }
    OpVersion best = null;
    OpVersion first = null;
    for (OpVersion o : ops) {
      if (!o.type().equals(type)) {
        continue;
      }
      if (first == null || o.firstOpset() < first.firstOpset()) {
        first = o;
      }
      if (o.firstOpset() <= reported && (best == null || o.firstOpset() > best.firstOpset())) {
        best = o;
      }
    }
    return java.util.Optional.ofNullable(best != null ? best : first);
  }

  /** The registry entry that converts the operation version {@code op}, if any. */
  public static java.util.Optional<ConverterRegistry.Entry> find(ConverterRegistry registry, List<OpVersion> ops, OpVersion op) {
    return registry.entries().stream()
        .filter(e -> e.type().equals(op.type()) && rowOf(ops, e.type(), e.version()).map(op::equals).orElse(false))
        .findFirst();
  }

  /** The graph-level rewrite that converts the operation version {@code op} on its own, if any. */
  public static java.util.Optional<GraphRewrite> rewriteFor(List<OpVersion> ops, OpVersion op) {
    return Rewrites.all().stream()
        .filter(r -> r.handles().stream().anyMatch(h -> h.type().equals(op.type())
            && rowOf(ops, h.type(), h.version()).map(op::equals).orElse(false)))
        .findFirst();
  }

  /** Whether {@code op} converts: it has a converter or a rewrite, or it is a Result (a graph output). */
  public static boolean converts(ConverterRegistry registry, List<OpVersion> ops, OpVersion op) {
    return op.type().equals("Result") || find(registry, ops, op).isPresent() || rewriteFor(ops, op).isPresent();
  }

  /** The Markdown table of docs/SUPPORTED_OPS.md. */
  public static String markdown(ConverterRegistry registry) {
    List<OpVersion> ops = openVinoOps();
    long supported = ops.stream().filter(o -> converts(registry, ops, o)).count();
    long types = ops.stream().map(OpVersion::type).distinct().count();
    long supportedTypes = ops.stream().filter(o -> converts(registry, ops, o)).map(OpVersion::type).distinct().count();
    StringBuilder s = new StringBuilder();
    s.append("# Supported operations\n\n");
    s.append("Generated from the converter registry by `SupportedOpsDocTest` (run `mvn test -Dtest=SupportedOpsDocTest -Dov2onnx.updateDocs=true` to refresh; the test fails when this file is stale).\n\n");
    s.append("Coverage of OpenVINO's opset1..opset16: **").append(supported).append(" of ").append(ops.size())
        .append("** operation versions (").append(supportedTypes).append(" of ").append(types).append(" operation types).\n");
    s.append("\"Since ONNX opset\" is the lowest target opset (`--opset`) the conversion needs; the supported range is ")
        .append(Converter.MIN_OPSET).append("..").append(Converter.MAX_OPSET).append(", default ").append(Converter.DEFAULT_OPSET).append(".\n");
    long refused = ops.stream().filter(o -> refusal(registry, ops, o).isPresent()).count();
    s.append(refused).append(" operation versions are refused because no ONNX opset can express them (\"refused\", with the reason); the others not converted are not done yet.\n");
    s.append("`Result` needs no converter: each becomes a graph output. Unsupported operations are reported all at once (exit code 3), or kept as custom-domain nodes with `--allow-custom-ops`.\n\n");
    s.append("| OpenVINO operation | version | in opsets | converted | since ONNX opset | notes |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (OpVersion o : ops) {
      var e = find(registry, ops, o);
      var rewrite = rewriteFor(ops, o);
      if (e.isEmpty() && rewrite.isPresent()) {
        s.append("| ").append(o.type()).append(" | ").append(o.version()).append(" | ").append(opsets(o)).append(" | yes | ")
            .append(Converter.MIN_OPSET).append(" | the `").append(rewrite.get().name()).append("` rewrite: ")
            .append(rewrite.get().description().replace("|", "\\|")).append(" |\n");
        continue;
      }
      var refusal = refusal(registry, ops, o);
      if (e.isEmpty() && refusal.isPresent()) {
        s.append("| ").append(o.type()).append(" | ").append(o.version()).append(" | ").append(opsets(o))
            .append(" | refused |  | refused: ").append(refusal.get().reason().replace("|", "\\|")).append(" |\n");
        continue;
      }
      boolean structural = o.type().equals("Result");
      s.append("| ").append(o.type()).append(" | ").append(o.version()).append(" | ")
          .append(opsets(o)).append(" | ")
          .append(e.isPresent() || structural ? "yes" : "no").append(" | ")
          .append(e.map(x -> Integer.toString(x.minOpset())).orElse(structural ? Integer.toString(Converter.MIN_OPSET) : "")).append(" | ")
          .append(e.map(x -> x.notes().replace("|", "\\|")).orElse(structural ? "graph output" : "")).append(" |\n");
    }
    return s.toString();
  }

  /** The registry's refusal of the operation version {@code op} (one no ONNX opset can express), if any. */
  public static java.util.Optional<ConverterRegistry.Refusal> refusal(ConverterRegistry registry, List<OpVersion> ops, OpVersion op) {
    return registry.refusals().stream()
        .filter(r -> r.type().equals(op.type()) && rowOf(ops, r.type(), r.version()).map(op::equals).orElse(false))
        .findFirst();
  }

  private static String opsets(OpVersion o) {
    return o.firstOpset() == o.lastOpset() ? "" + o.firstOpset() : o.firstOpset() + "–" + o.lastOpset();
  }
}
