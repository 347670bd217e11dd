package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/**
 * The decoder roles of a model's inputs and output, and the inputs of one decoding step.
 *
 * <p>The roles are those of optimum-intel's stateful LLM export: {@code input_ids} (the tokens fed,
 * [batch, tokens]), {@code attention_mask} (ones over the cache and the new tokens, [batch, past +
 * tokens]), {@code position_ids} (past, past + 1, ..., [batch, tokens]), {@code beam_idx} (the
 * cache row each batch row continues, [batch]) and the output {@code logits} ([batch, tokens,
 * vocabulary], or [batch, vocabulary]). Each is recognised by that name unless named otherwise;
 * only {@code input_ids} and {@code logits} are required. Any other input (apart from the state
 * inputs {@code past.V} of a converted model) is refused: its values could not be known.
 */
public final class DecoderInputs {
  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String POSITION_IDS = "position_ids";
  public static final String BEAM_IDX = "beam_idx";
  public static final String LOGITS = "logits";

  /** Every role, in the order reports list them. */
  public static final List<String> ROLES = List.of(INPUT_IDS, ATTENTION_MASK, POSITION_IDS, BEAM_IDX, LOGITS);

  private final Map<String, String> names; // role -> name, present roles only
  private final Map<String, ElementType> types; // input name -> type
  private final long vocabulary;

  private DecoderInputs(Map<String, String> names, Map<String, ElementType> types, long vocabulary) {
    this.names = names;
    this.types = types;
    this.vocabulary = vocabulary;
  }

  /** Whether a model with these inputs looks like a decoder: it has the {@code input_ids} input. */
  public static boolean recognised(List<String> inputs, Map<String, String> overrides) {
    return inputs.contains(overrides.getOrDefault(INPUT_IDS, INPUT_IDS));
  }

  /**
   * Resolves the roles of {@code what}'s inputs (name to element type, in order) and outputs (name
   * to the length of the last dimension, -1 when dynamic); {@code ignored} are inputs that are not
   * the caller's to feed (state). A role named in {@code overrides} that the model lacks, or an
   * unknown role, is a usage error; a model that lacks {@code input_ids} or the logits, or has
   * inputs no role explains, cannot be used (not a usage error).
   */
  public static DecoderInputs resolve(String what, Map<String, ElementType> inputs, Map<String, Long> outputs,
      Map<String, String> overrides, List<String> ignored) throws VerifyException {
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (!ROLES.contains(o.getKey())) {
        throw new VerifyException(true, "--decoder-names: unknown role '" + o.getKey() + "' (roles: " + String.join(", ", ROLES) + ")");
      }
      boolean output = o.getKey().equals(LOGITS);
      if (!(output ? outputs.containsKey(o.getValue()) : inputs.containsKey(o.getValue()))) {
        throw new VerifyException(true, "--decoder-names: " + what + " has no " + (output ? "output" : "input") + " '" + o.getValue()
            + "' (its " + (output ? "outputs" : "inputs") + ": " + String.join(", ", (output ? outputs.keySet() : inputs.keySet())) + ")");
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (String role : ROLES) {
      String name = overrides.getOrDefault(role, role);
      boolean present = role.equals(LOGITS) ? outputs.containsKey(name) : inputs.containsKey(name);
      if (present) {
        names.put(role, name);
      }
    }
    if (!names.containsKey(INPUT_IDS)) {
      throw new VerifyException(false, what + " has no input '" + overrides.getOrDefault(INPUT_IDS, INPUT_IDS) + "', so it is no decoder"
          + " (its inputs: " + String.join(", ", inputs.keySet()) + "); name the token input with --decoder-names input_ids=NAME");
    }
    if (!names.containsKey(LOGITS)) {
      List<String> candidates = outputs.keySet().stream().filter(n -> !n.startsWith("present.")).toList();
      if (candidates.size() != 1) {
        throw new VerifyException(false, what + " has no output 'logits' and " + candidates.size() + " other outputs ("
            + String.join(", ", candidates) + "); name the logits with --decoder-names logits=NAME");
      }
      names.put(LOGITS, candidates.get(0));
    }
    for (String input : inputs.keySet()) {
      if (!names.containsValue(input) && !ignored.contains(input)) {
        throw new VerifyException(false, "input '" + input + "' of " + what + " is no decoder input (" + String.join(", ", ROLES.subList(0, 4))
            + "), so its values are unknown; name the roles with --decoder-names ROLE=NAME");
      }
    }
    Map<String, ElementType> types = new LinkedHashMap<>();
    for (String role : ROLES.subList(0, 4)) {
      String name = names.get(role);
      if (name == null) {
        continue;
      }
      ElementType t = inputs.get(name);
      if (!(t == ElementType.I64 || t == ElementType.I32 || (!role.equals(INPUT_IDS) && !role.equals(BEAM_IDX)
          && (t == ElementType.F32 || t == ElementType.F16 || t == ElementType.BOOLEAN)))) {
        throw new VerifyException(false, "the " + role + " input '" + name + "' of " + what + " is " + t + "; a decoder's must be i64 or i32");
      }
      types.put(name, t);
    }
    return new DecoderInputs(names, types, outputs.get(names.get(LOGITS)));
  }

  /** The model's name for {@code role}, or null when the model has no such input. */
  public String name(String role) {
    return names.get(role);
  }

  /** Role to name, for the roles the model has. */
  public Map<String, String> names() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
  }

  /** The vocabulary size (the logits' last dimension), or -1 when the model leaves it dynamic. */
  public long vocabulary() {
    return vocabulary;
  }

  /** Refuses token ids that are negative or not below the vocabulary size; {@code flag} names their origin. */
  public void checkTokens(List<Long> tokens, String flag) throws VerifyException {
    if (tokens.isEmpty()) {
      throw new VerifyException(true, flag + ": give at least one token id");
    }
    for (long t : tokens) {
      if (t < 0 || (vocabulary > 0 && t >= vocabulary)) {
        throw new VerifyException(true, flag + ": token id " + t + " is outside the vocabulary (0.." + (vocabulary > 0 ? vocabulary - 1 : "") + ")");
      }
    }
  }

  /** {@code length} seeded random token ids below the vocabulary size. */
  public List<Long> randomTokens(long seed, int length) throws VerifyException {
    if (vocabulary <= 0) {
      throw new VerifyException(true, "the logits' vocabulary dimension is dynamic, so a random prompt cannot be drawn: give --prompt-tokens");
    }
    Random random = new Random(seed);
    List<Long> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      tokens.add((long) random.nextInt((int) Math.min(vocabulary, Integer.MAX_VALUE)));
    }
    return tokens;
  }

  /**
   * The inputs of one step, by name: {@code tokens} [batch][new tokens] after {@code past} tokens
   * of cache; the attention mask all ones over past and new tokens, positions {@code past + i},
   * {@code beam} the cache row of each batch row (null: row b continues row b).
   */
  public Map<String, Tensor> feeds(long[][] tokens, long past, int[] beam) {
    int batch = tokens.length;
    int count = tokens[0].length;
    Map<String, Tensor> feeds = new LinkedHashMap<>();
    double[] ids = new double[batch * count];
    double[] positions = new double[batch * count];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < count; i++) {
        ids[b * count + i] = tokens[b][i];
        positions[b * count + i] = past + i;
      }
    }
    put(feeds, INPUT_IDS, new long[] {batch, count}, ids);
    double[] mask = new double[Math.toIntExact(batch * (past + count))];
    java.util.Arrays.fill(mask, 1);
    put(feeds, ATTENTION_MASK, new long[] {batch, past + count}, mask);
    put(feeds, POSITION_IDS, new long[] {batch, count}, positions);
    double[] order = new double[batch];
    for (int b = 0; b < batch; b++) {
      order[b] = beam == null ? b : beam[b];
    }
    put(feeds, BEAM_IDX, new long[] {batch}, order);
    return feeds;
  }

  private void put(Map<String, Tensor> feeds, String role, long[] shape, double[] values) {
    String name = names.get(role);
    if (name != null) {
      ElementType type = types.get(name);
      feeds.put(name, Tensor.of(type, shape, TensorValues.encode(type, values)));
    }
  }

  /** The logits of batch row {@code row} at the last position ([batch, tokens, vocabulary] or [batch, vocabulary]). */
  public static double[] lastPosition(Tensor logits, int row) {
    long[] shape = logits.shape();
    double[] all = TensorValues.of(logits);
    int vocab = (int) shape[shape.length - 1];
    int positions = shape.length >= 3 ? (int) shape[shape.length - 2] : 1;
    int start = (row * positions + positions - 1) * vocab;
    return java.util.Arrays.copyOfRange(all, start, start + vocab);
  }

  /** The index of the largest value (the first of equal ones, as argmax everywhere); NaN is never chosen over a number. */
  public static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best] || (Double.isNaN(values[best]) && !Double.isNaN(values[i]))) {
        best = i;
      }
    }
    return best;
  }

  /** The greedy token of each batch row. */
  public static long[] greedy(Tensor logits) {
    long[] tokens = new long[(int) logits.shape()[0]];
    for (int b = 0; b < tokens.length; b++) {
      tokens[b] = argmax(lastPosition(logits, b));
    }
    return tokens;
  }
}
