package org.ov2onnx.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The verification report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * fonts, no fetches (a Content-Security-Policy of {@code default-src 'none'} says so to the
 * browser). Per output: the statistics and a histogram of the errors relative to the output's
 * scale; with the layer-wise search, the error along the graph with the first diverging node
 * marked.
 */
final class HtmlReport {
  private static final String OK = "#2e7d32";
  private static final String BAD = "#c62828";
  private static final String BAR = "#4c78a8";
  private static final String BAR_OUT = "#e45756";
  private static final String GRID = "#d0d0d0";

  private HtmlReport() {}

  static String render(VerifyReport r) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>ov2onnx verify: ").append(esc(r.model())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}\n")
        .append("h1{font-size:22px} h2{font-size:18px;margin-top:28px} .pass{color:").append(OK).append("} .fail{color:").append(BAD).append("}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:8px 0} td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
        .append("th{background:#f2f2f2} td.l,th.l{text-align:left} code{background:#f4f4f4;padding:0 3px}\n")
        .append("svg text{font-family:sans-serif;font-size:11px;fill:#333}\n</style></head><body>\n");
    s.append("<h1>Verification: <span class=\"").append(r.passed() ? "pass\">PASSED" : "fail\">FAILED").append("</span></h1>\n<ul>\n");
    s.append("<li>Original: <code>").append(esc(r.model())).append("</code> on OpenVINO ").append(esc(r.device())).append("</li>\n");
    s.append("<li>Converted: <code>").append(esc(r.onnx())).append("</code> on ONNX Runtime (CPU)</li>\n");
    s.append("<li>Inputs (seed ").append(r.seed()).append("): ");
    s.append(String.join(", ", r.inputs().stream().map(i -> "<code>" + esc(i.name()) + "</code> " + i.elementType() + Arrays.toString(i.shape())
        + " (" + i.source() + ")").toList())).append("</li>\n");
    s.append("<li>Verdict: ").append(esc(VerifyReport.VERDICT_RULE)).append(".</li>\n");
    if (r.attribution() != null) {
      s.append("<li>Attribution: <b>").append(r.attribution().kind().label()).append("</b>: ").append(esc(r.attribution().detail())).append(".</li>\n");
    }
    r.notes().forEach(n -> s.append("<li>Note: ").append(esc(n)).append("</li>\n"));
    s.append("</ul>\n");
    if (r.decoding() != null) {
      s.append(r.decoding().toHtml());
    }
    for (OutputMetrics m : r.outputs()) {
      s.append("<h2>Output <code>").append(esc(m.name())).append("</code>: <span class=\"").append(m.passed() ? "pass\">pass" : "fail\">FAIL")
          .append("</span></h2>\n");
      table(s, List.of(m));
      if (m.histogram() != null) {
        histogram(s, m);
      }
    }
    if (r.attribution() != null && !r.attribution().openVinoOnOnnx().isEmpty()) {
      s.append("<h2>The converted ONNX on OpenVINO ").append(esc(r.device())).append(", against the original</h2>\n");
      table(s, r.attribution().openVinoOnOnnx());
    }
    if (r.layerwise() != null) {
      layerwise(s, r.layerwise());
    }
    s.append("<p style=\"color:#777;font-size:12px\">Written by ov2onnx verify.</p>\n</body></html>\n");
    return s.toString();
  }

  private static void table(StringBuilder s, List<OutputMetrics> metrics) {
    s.append("<table><tr><th class=\"l\">tensor</th><th>type</th><th>shape</th><th>max abs</th><th>max rel</th><th>mean abs</th><th>cosine</th>")
        .append("<th>out of tol.</th><th>NaN/Inf</th><th>scale</th><th>max abs / scale</th><th class=\"l\">tolerance</th><th>result</th></tr>\n");
    for (OutputMetrics m : metrics) {
      s.append("<tr><td class=\"l\"><code>").append(esc(m.name())).append("</code></td><td>").append(m.type()).append("</td><td>")
          .append(Arrays.toString(m.shape())).append("</td><td>").append(num(m.maxAbsError())).append("</td><td>").append(num(m.maxRelError()))
          .append("</td><td>").append(num(m.meanAbsError())).append("</td><td>").append(num(m.cosineSimilarity())).append("</td><td>")
          .append(num(m.fractionOutOfTolerance())).append("</td><td>").append(m.nanInfMismatches()).append("</td><td>").append(num(m.scale()))
          .append("</td><td>").append(num(m.maxScaledError())).append("</td><td class=\"l\">").append(esc(m.tolerance().describe()))
          .append("</td><td class=\"").append(m.passed() ? "pass\">pass" : "fail\">FAIL").append(m.problem() == null ? "" : " (" + esc(m.problem()) + ")")
          .append("</td></tr>\n");
    }
    s.append("</table>\n");
  }

  /** Bars per decade of |diff| / scale; bars at or above the scale tolerance in red. */
  private static void histogram(StringBuilder s, OutputMetrics m) {
    long[] counts = m.histogram().counts();
    long max = Math.max(1, Arrays.stream(counts).max().orElse(1));
    int w = 760;
    int h = 240;
    int left = 60;
    int bottom = 40;
    int top = 24;
    int plotH = h - bottom - top;
    int barW = (w - left - 20) / counts.length;
    s.append("<svg width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"error histogram of ")
        .append(esc(m.name())).append("\">\n");
    s.append("<text x=\"").append(left).append("\" y=\"14\">elements per decade of |ONNX Runtime - OpenVINO| / scale (scale = ")
        .append(num(m.scale())).append(")</text>\n");
    for (int k = 0; k <= 4; k++) {
      int y = top + plotH - plotH * k / 4;
      s.append("<line x1=\"").append(left).append("\" x2=\"").append(w - 10).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
          .append("\" stroke=\"").append(GRID).append("\"/>\n<text x=\"").append(left - 6).append("\" y=\"").append(y + 4)
          .append("\" text-anchor=\"end\">").append(Math.round(max * k / 4.0)).append("</text>\n");
    }
    double threshold = m.tolerance().scaleTol();
    for (int i = 0; i < counts.length; i++) {
      int x = left + i * barW + 4;
      int bh = (int) Math.round(plotH * (double) counts[i] / max);
      if (counts[i] > 0 && bh < 1) {
        bh = 1;
      }
      boolean out = i == ErrorHistogram.BINS - 1 || (threshold > 0 && i >= 2 && Math.pow(10, i - 10) > threshold) || i == 11;
      s.append("<rect x=\"").append(x).append("\" y=\"").append(top + plotH - bh).append("\" width=\"").append(barW - 8).append("\" height=\"")
          .append(bh).append("\" fill=\"").append(out ? BAR_OUT : BAR).append("\"><title>").append(ErrorHistogram.label(i)).append(": ")
          .append(counts[i]).append("</title></rect>\n");
      if (counts[i] > 0) {
        s.append("<text x=\"").append(x + (barW - 8) / 2).append("\" y=\"").append(top + plotH - bh - 3).append("\" text-anchor=\"middle\">")
            .append(counts[i]).append("</text>\n");
      }
      s.append("<text x=\"").append(x + (barW - 8) / 2).append("\" y=\"").append(h - bottom + 16).append("\" text-anchor=\"middle\">")
          .append(esc(ErrorHistogram.label(i))).append("</text>\n");
    }
    s.append("<text x=\"").append(left).append("\" y=\"").append(h - 6).append("\">bins: exact, below 1e-9, decades from [1e-9, 1e-8) to [0.1, 1), 1 or more,")
        .append(" NaN/Inf; red: beyond the scale tolerance</text>\n</svg>\n");
  }

  /** log10(max abs error / scale) of every compared tensor, in the original's topological order. */
  private static void layerwise(StringBuilder s, VerifyReport.Layerwise l) {
    s.append("<h2>Layer by layer</h2>\n<p>").append(l.compared()).append(" intermediate tensors compared, in the original's topological order. ");
    VerifyReport.Divergence first = l.first();
    if (first == null) {
      s.append("No divergence found.</p>\n");
    } else {
      s.append("First divergence: node <code>").append(esc(first.node())).append("</code> (").append(esc(first.type())).append("-")
          .append(first.version()).append("), tensor <code>").append(esc(first.metrics().name())).append("</code>, max abs error ")
          .append(num(first.metrics().maxAbsError())).append(".</p>\n");
    }
    List<OutputMetrics> tensors = l.tensors();
    if (tensors.isEmpty()) {
      return;
    }
    int w = 1000;
    int h = 300;
    int left = 60;
    int right = 20;
    int top = 20;
    int bottom = 50;
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    double lo = -12;
    double hi = 1;
    s.append("<svg width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"error along the graph\">\n");
    for (int e = (int) lo; e <= hi; e += 2) {
      double y = top + plotH * (hi - e) / (hi - lo);
      s.append("<line x1=\"").append(left).append("\" x2=\"").append(w - right).append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y))
          .append("\" stroke=\"").append(GRID).append("\"/>\n<text x=\"").append(left - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">1e").append(e).append("</text>\n");
    }
    int n = tensors.size();
    StringBuilder path = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    int firstIndex = -1;
    for (int i = 0; i < n; i++) {
      OutputMetrics m = tensors.get(i);
      double x = left + (n == 1 ? plotW / 2.0 : plotW * (double) i / (n - 1));
      double v = m.maxScaledError();
      double e = !Double.isFinite(v) ? hi : v <= 0 ? lo : Math.max(lo, Math.min(hi, Math.log10(v)));
      double y = top + plotH * (hi - e) / (hi - lo);
      path.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
      dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"").append(m.passed() ? 2.5 : 4)
          .append("\" fill=\"").append(m.passed() ? BAR : BAD).append("\"><title>").append(esc(m.name())).append(": max abs / scale ")
          .append(num(v)).append(m.passed() ? "" : " (FAIL)").append("</title></circle>\n");
      if (first != null && firstIndex < 0 && m.name().equals(first.metrics().name())) {
        firstIndex = i;
      }
    }
    s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(BAR).append("\" stroke-width=\"1.2\"/>\n").append(dots);
    if (firstIndex >= 0) {
      double x = left + (n == 1 ? plotW / 2.0 : plotW * (double) firstIndex / (n - 1));
      s.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(top).append("\" y2=\"").append(top + plotH)
          .append("\" stroke=\"").append(BAD).append("\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n");
      boolean leftSide = x > left + plotW * 0.6;
      s.append("<text x=\"").append(fmt(leftSide ? x - 6 : x + 6)).append("\" y=\"").append(top + 14).append("\" text-anchor=\"")
          .append(leftSide ? "end" : "start").append("\" style=\"fill:").append(BAD).append(";font-weight:bold\">first divergence: ")
          .append(esc(first.node())).append(" (").append(esc(first.type())).append("-").append(first.version()).append(")</text>\n");
    }
    s.append("<text x=\"").append(left).append("\" y=\"").append(h - 20).append("\">max |ONNX Runtime - OpenVINO| / scale of each tensor,")
        .append(" from the first node (left) to the last (right); red: out of tolerance</text>\n</svg>\n");
    if (first != null) {
      s.append("<p>The tensors around the first divergence:</p>\n");
      int from = Math.max(0, firstIndex - 2);
      table(s, tensors.subList(from, Math.min(n, firstIndex + 3)));
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String num(double v) {
    return VerifyReport.num(v);
  }

  static String esc(String text) {
    StringBuilder s = new StringBuilder();
    for (char c : String.valueOf(text).toCharArray()) {
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
