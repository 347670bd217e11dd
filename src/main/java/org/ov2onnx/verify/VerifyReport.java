package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.util.Json;

/**
 * The outcome of a verification: per-output metrics, pass/fail, and the layer-wise search's
 * first divergence. Renders as JSON, Markdown and a console table.
 */
public record VerifyReport(
    String model,
    String onnx,
    String device,
    long seed,
    List<InputInfo> inputs,
    List<OutputMetrics> outputs,
    Layerwise layerwise,
    List<String> notes,
    Attribution attribution,
    Decoding decoding) {

  /** A report without decoding (any model but a decoder). */
  public VerifyReport(String model, String onnx, String device, long seed, List<InputInfo> inputs, List<OutputMetrics> outputs,
      Layerwise layerwise, List<String> notes, Attribution attribution) {
    this(model, onnx, device, seed, inputs, outputs, layerwise, notes, attribution, null);
  }

  /** One input fed to both models. */
  public record InputInfo(String name, String elementType, long[] shape, String source) {}

  /**
   * The layer-wise search: how many intermediate tensors were compared, and the first (in the
   * original's topological order) that diverged, or null.
   */
  public record Layerwise(int compared, Divergence first, List<OutputMetrics> tensors) {}

  /** Where the models first diverge: the original's node and the tensor's metrics. */
  public record Divergence(String node, String type, int version, OutputMetrics metrics) {}

  public boolean passed() {
    return outputs.stream().allMatch(OutputMetrics::passed) && (decoding == null || decoding.tokensMatch());
  }

  static Map<String, Object> json(OutputMetrics m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", m.name());
    o.put("element_type", m.type() == null ? null : m.type().ovName());
    o.put("shape", m.shape() == null ? null : Arrays.stream(m.shape()).boxed().toList());
    o.put("max_abs_error", m.maxAbsError());
    o.put("max_rel_error", m.maxRelError());
    o.put("mean_abs_error", m.meanAbsError());
    o.put("cosine_similarity", m.cosineSimilarity());
    o.put("fraction_out_of_tolerance", m.fractionOutOfTolerance());
    o.put("nan_inf_mismatches", m.nanInfMismatches());
    o.put("smallest_passing_atol", m.smallestPassingAtol());
    o.put("scale", m.scale());
    o.put("max_abs_error_of_scale", m.maxScaledError());
    o.put("atol", m.tolerance().atol());
    o.put("rtol", m.tolerance().rtol());
    o.put("scale_tol", m.tolerance().scaleTol());
    o.put("rule", m.tolerance().describe());
    if (m.histogram() != null) {
      o.put("error_histogram", Arrays.stream(m.histogram().counts()).boxed().toList());
    }
    o.put("passed", m.passed());
    if (m.problem() != null) {
      o.put("problem", m.problem());
    }
    return o;
  }

  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("passed", passed());
    doc.put("model", model);
    doc.put("onnx", onnx);
    doc.put("device", device);
    doc.put("seed", seed);
    List<Object> ins = new ArrayList<>();
    for (InputInfo i : inputs) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", i.name());
      o.put("element_type", i.elementType());
      o.put("shape", Arrays.stream(i.shape()).boxed().toList());
      o.put("source", i.source());
      ins.add(o);
    }
    doc.put("inputs", ins);
    doc.put("outputs", outputs.stream().map(VerifyReport::json).toList());
    if (layerwise != null) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("compared", layerwise.compared());
      if (layerwise.first() != null) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("node", layerwise.first().node());
        f.put("type", layerwise.first().type());
        f.put("version", layerwise.first().version());
        f.put("tensor", json(layerwise.first().metrics()));
        l.put("first_divergence", f);
      } else {
        l.put("first_divergence", null);
      }
      l.put("tensors", layerwise.tensors().stream().map(VerifyReport::json).toList());
      doc.put("layerwise", l);
    }
    doc.put("verdict", VERDICT_RULE);
    if (attribution != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("kind", attribution.kind().name().toLowerCase(java.util.Locale.ROOT));
      a.put("detail", attribution.detail());
      a.put("openvino_on_onnx", attribution.openVinoOnOnnx().stream().map(VerifyReport::json).toList());
      doc.put("attribution", a);
    }
    if (decoding != null) {
      doc.put("decoding", decoding.toJson());
    }
    doc.put("notes", notes);
    return Json.write(doc) + "\n";
  }

  /** How the verdict is reached, in the reports. */
  static final String VERDICT_RULE = "an output passes when every element is within atol + rtol*|expected|, or within scale_tol*scale,"
      + " where scale is the output's largest |expected|; integer and boolean outputs must match exactly";

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v == 0 ? "0" : String.format("%.3g", v);
  }

  public String toMarkdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Verification: ").append(passed() ? "PASSED" : "FAILED").append("\n\n");
    s.append("- Original: `").append(model).append("` on OpenVINO ").append(device).append("\n");
    s.append("- Converted: `").append(onnx).append("` on ONNX Runtime (CPU)\n");
    s.append("- Inputs (seed ").append(seed).append("): ");
    s.append(String.join(", ", inputs.stream().map(i -> "`" + i.name() + "` " + i.elementType() + Arrays.toString(i.shape()) + " (" + i.source() + ")").toList()));
    s.append("\n- Verdict: ").append(VERDICT_RULE).append(".\n");
    if (attribution != null) {
      s.append("- Attribution: **").append(attribution.kind().label()).append("**: ").append(attribution.detail()).append(".\n");
    }
    s.append("\n| output | type | shape | max abs | max rel | mean abs | cosine | out of tol. | NaN/Inf | scale | max abs / scale | tolerance | result |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (OutputMetrics m : outputs) {
      s.append("| `").append(m.name()).append("` | ").append(m.type()).append(" | ").append(Arrays.toString(m.shape()))
          .append(" | ").append(num(m.maxAbsError())).append(" | ").append(num(m.maxRelError())).append(" | ")
          .append(num(m.meanAbsError())).append(" | ").append(num(m.cosineSimilarity())).append(" | ")
          .append(num(m.fractionOutOfTolerance())).append(" | ").append(m.nanInfMismatches()).append(" | ")
          .append(num(m.scale())).append(" | ").append(num(m.maxScaledError())).append(" | ")
          .append(m.tolerance().describe()).append(" | ").append(m.passed() ? "pass" : "**FAIL**")
          .append(m.problem() == null ? "" : " (" + m.problem() + ")").append(" |\n");
    }
    if (layerwise != null) {
      s.append("\n## Layer-wise\n\n").append(layerwise.compared()).append(" intermediate tensors compared. ");
      if (layerwise.first() == null) {
        s.append("No divergence found.\n");
      } else {
        Divergence d = layerwise.first();
        s.append("First divergence: node `").append(d.node()).append("` (").append(d.type()).append("-").append(d.version())
            .append("), tensor `").append(d.metrics().name()).append("`: max abs error ").append(num(d.metrics().maxAbsError()))
            .append(", cosine ").append(num(d.metrics().cosineSimilarity())).append(".\n");
      }
    }
    if (decoding != null) {
      s.append(decoding.toMarkdown());
    }
    for (String n : notes) {
      s.append("\nNote: ").append(n).append("\n");
    }
    return s.toString();
  }

  /** One self-contained HTML page (inline SVG, no scripts): see {@link HtmlReport}. */
  public String toHtml() {
    return HtmlReport.render(this);
  }

  public String toConsole() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%-28s %-6s %10s %10s %10s %9s %8s %10s  %s%n", "output", "type", "max_abs", "of_scale", "mean_abs", "cosine", "out_tol",
        "scale", "result"));
    for (OutputMetrics m : outputs) {
      if (decoding == null || !decoding.folded(m, outputs)) {
        s.append(String.format("%-28s %-6s %10s %10s %10s %9s %8s %10s  %s%n", m.name(), m.type(), num(m.maxAbsError()), num(m.maxScaledError()),
            num(m.meanAbsError()), num(m.cosineSimilarity()), num(m.fractionOutOfTolerance()), num(m.scale()),
            m.passed() ? "pass" : "FAIL" + (m.problem() == null ? " (needs atol " + num(m.smallestPassingAtol()) + ")" : " (" + m.problem() + ")")));
      } else if (decoding.firstFolded(m, outputs)) {
        s.append(decoding.foldedLine(m, outputs));
      }
    }
    if (layerwise != null) {
      if (layerwise.first() == null) {
        s.append("Layer-wise: ").append(layerwise.compared()).append(" intermediate tensors compared, no divergence.\n");
      } else {
        Divergence d = layerwise.first();
        s.append("Layer-wise: first divergence at node '").append(d.node()).append("' (").append(d.type()).append("-")
            .append(d.version()).append("), tensor '").append(d.metrics().name()).append("', max abs error ")
            .append(num(d.metrics().maxAbsError())).append(" (").append(layerwise.compared()).append(" tensors compared)\n");
      }
    }
    if (decoding != null) {
      s.append(decoding.toConsole());
    }
    notes.forEach(n -> s.append("Note: ").append(n).append("\n"));
    Tolerance first = outputs.isEmpty() ? null : outputs.get(0).tolerance();
    if (first != null) {
      s.append("Tolerance: ").append(first.describe()).append(" per element (scale = the output's largest |expected|)")
          .append(outputs.stream().allMatch(m -> m.tolerance().equals(first)) ? "" : "; per output in the JSON report").append("\n");
    }
    if (attribution != null) {
      s.append("Attribution: ").append(attribution.kind().label()).append(": ").append(attribution.detail()).append("\n");
    }
    s.append(passed() ? "PASSED" : "FAILED").append(" (OpenVINO ").append(device).append(" vs ONNX Runtime)\n");
    return s.toString();
  }
}
