package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decoder part of a verification ({@link DecoderVerifier}): the prompt, and per step the tokens
 * fed and the greedy token of each side. Both sides are always fed the reference's token, so one
 * difference does not cascade.
 *
 * @param names the model's decoder inputs and logits, by role
 * @param prompt the prompt's token ids
 * @param steps the prefill, then each decode step
 * @param reference what ran the original (e.g. "OpenVINO CPU")
 * @param other what ran the other side (e.g. "ONNX Runtime")
 */
public record Decoding(Map<String, String> names, List<Long> prompt, List<Step> steps, String reference, String other) {
  /**
   * One step.
   *
   * @param name "prefill" or "decode k"
   * @param fed the token ids fed
   * @param expected the reference's greedy token
   * @param actual the other side's greedy token
   * @param margin the reference's top logit minus its second (how near a tie the choice was)
   */
  public record Step(String name, List<Long> fed, long expected, long actual, double margin) {
    public boolean matched() {
      return expected == actual;
    }
  }

  public Decoding {
    names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    prompt = List.copyOf(prompt);
    steps = List.copyOf(steps);
  }

  /** Steps with more state tensors than this show them as one console line when they all pass (the reports list each). */
  static final int FOLD_STATE_ABOVE = 4;

  /** The step of a per-step tensor name ("decode 3/present.V" → "decode 3"), and whether it is state. */
  private static String stepOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  private static boolean isState(OutputMetrics m) {
    return m.name().contains("/present.");
  }

  private static List<OutputMetrics> stateOfStep(OutputMetrics m, List<OutputMetrics> all) {
    String step = stepOf(m.name());
    return all.stream().filter(o -> isState(o) && stepOf(o.name()).equals(step)).toList();
  }

  /** Whether the console shows {@code m} within one line for its step's state: many state tensors, all passing. */
  boolean folded(OutputMetrics m, List<OutputMetrics> all) {
    if (!isState(m)) {
      return false;
    }
    List<OutputMetrics> state = stateOfStep(m, all);
    return state.size() > FOLD_STATE_ABOVE && state.stream().allMatch(OutputMetrics::passed);
  }

  boolean firstFolded(OutputMetrics m, List<OutputMetrics> all) {
    return stateOfStep(m, all).get(0) == m;
  }

  /** The console line of a step's folded state tensors: how many, and the largest error relative to each one's scale. */
  String foldedLine(OutputMetrics m, List<OutputMetrics> all) {
    List<OutputMetrics> state = stateOfStep(m, all);
    double worst = state.stream().mapToDouble(OutputMetrics::maxScaledError).filter(d -> !Double.isNaN(d)).max().orElse(0);
    return String.format("%-28s %d tensors, all pass (largest max_abs/scale %s; each in the JSON report)%n",
        stepOf(m.name()) + "/present.*", state.size(), VerifyReport.num(worst));
  }

  public boolean tokensMatch() {
    return steps.stream().allMatch(Step::matched);
  }

  /** The reference's greedy tokens, one per step (the generated sequence). */
  public List<Long> expectedTokens() {
    return steps.stream().map(Step::expected).toList();
  }

  /** The other side's greedy tokens, one per step. */
  public List<Long> actualTokens() {
    return steps.stream().map(Step::actual).toList();
  }

  static String ids(List<Long> tokens) {
    return tokens.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private long mismatches() {
    return steps.stream().filter(s -> !s.matched()).count();
  }

  /** The summary line. */
  String summary() {
    return "Greedy tokens: " + (tokensMatch() ? "identical" : mismatches() + " of " + steps.size() + " differ") + " over a prefill of "
        + prompt.size() + " tokens and " + (steps.size() - 1) + " decode steps";
  }

  public String toConsole() {
    StringBuilder s = new StringBuilder();
    s.append("Decoder: ").append(names.entrySet().stream().map(e -> e.getKey().equals(e.getValue()) ? e.getKey() : e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "))).append("; prompt ").append(ids(prompt)).append("\n");
    s.append("Greedy token per step: expected = ").append(reference).append(", actual = ").append(other)
        .append(" (fed the expected token); margin = expected's top logit minus its second\n");
    s.append(String.format("%-12s %10s %10s %10s  %s%n", "step", "expected", "actual", "margin", "result"));
    for (Step st : steps) {
      s.append(String.format("%-12s %10d %10d %10s  %s%n", st.name(), st.expected(), st.actual(), VerifyReport.num(st.margin()),
          st.matched() ? "same" : "DIFFERENT"));
    }
    s.append("Tokens (").append(reference).append("): ").append(ids(expectedTokens())).append("\n");
    s.append("Tokens (").append(other).append("): ").append(ids(actualTokens())).append("\n");
    s.append(summary()).append("\n");
    return s.toString();
  }

  public Map<String, Object> toJson() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("tokens_match", tokensMatch());
    d.put("names", names);
    d.put("prompt", prompt);
    d.put("reference", reference);
    d.put("other", other);
    d.put("expected_tokens", expectedTokens());
    d.put("actual_tokens", actualTokens());
    List<Object> list = new ArrayList<>();
    for (Step st : steps) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", st.name());
      o.put("fed", st.fed());
      o.put("expected_token", st.expected());
      o.put("actual_token", st.actual());
      o.put("margin", st.margin());
      o.put("matched", st.matched());
      list.add(o);
    }
    d.put("steps", list);
    return d;
  }

  String toMarkdown() {
    StringBuilder s = new StringBuilder("\n## Decoding\n\n");
    s.append("- Prompt: `").append(ids(prompt)).append("`\n");
    s.append("- Tokens (").append(reference).append("): `").append(ids(expectedTokens())).append("`\n");
    s.append("- Tokens (").append(other).append("): `").append(ids(actualTokens())).append("`\n");
    s.append("- ").append(summary()).append(".\n\n");
    s.append("| step | fed | ").append(reference).append(" | ").append(other).append(" | margin | result |\n|---|---|---|---|---|---|\n");
    for (Step st : steps) {
      s.append("| ").append(st.name()).append(" | `").append(ids(st.fed())).append("` | ").append(st.expected()).append(" | ")
          .append(st.actual()).append(" | ").append(VerifyReport.num(st.margin())).append(" | ").append(st.matched() ? "same" : "**DIFFERENT**")
          .append(" |\n");
    }
    return s.toString();
  }

  String toHtml() {
    StringBuilder s = new StringBuilder("<h2>Decoding: <span class=\"").append(tokensMatch() ? "pass\">identical tokens" : "fail\">tokens differ")
        .append("</span></h2>\n<ul>\n");
    s.append("<li>Prompt: <code>").append(ids(prompt)).append("</code></li>\n");
    s.append("<li>Tokens (").append(HtmlReport.esc(reference)).append("): <code>").append(ids(expectedTokens())).append("</code></li>\n");
    s.append("<li>Tokens (").append(HtmlReport.esc(other)).append("): <code>").append(ids(actualTokens())).append("</code></li>\n");
    s.append("<li>").append(HtmlReport.esc(summary())).append(".</li>\n</ul>\n");
    s.append("<table><tr><th class=\"l\">step</th><th class=\"l\">fed</th><th>").append(HtmlReport.esc(reference)).append("</th><th>")
        .append(HtmlReport.esc(other)).append("</th><th>margin</th><th>result</th></tr>\n");
    for (Step st : steps) {
      s.append("<tr><td class=\"l\">").append(st.name()).append("</td><td class=\"l\"><code>").append(ids(st.fed())).append("</code></td><td>")
          .append(st.expected()).append("</td><td>").append(st.actual()).append("</td><td>").append(VerifyReport.num(st.margin()))
          .append("</td><td class=\"").append(st.matched() ? "pass\">same" : "fail\">DIFFERENT").append("</td></tr>\n");
    }
    s.append("</table>\n");
    return s.toString();
  }
}
