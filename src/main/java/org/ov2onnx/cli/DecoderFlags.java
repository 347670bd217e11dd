package org.ov2onnx.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.verify.DecoderInputs;
import org.ov2onnx.verify.DecoderOptions;
import picocli.CommandLine.Option;

/**
 * The decoder flags of {@code verify}, {@code convert --verify} and {@code compare}: a stateful
 * model with an {@code input_ids} input runs as a decoder (a prefill, then decode steps) unless
 * {@code --no-decoder}, {@code --steps} or {@code --input-data} is given.
 */
final class DecoderFlags {
  @Option(names = "--decode-steps", paramLabel = "N", description = "Decoders (stateful models with input_ids): decode steps of one greedy"
      + " token after the prefill (default: " + DecoderOptions.DEFAULT_DECODE_STEPS + ").")
  String decodeSteps;

  @Option(names = "--prompt-tokens", paramLabel = "IDS", description = "Decoders: the prompt's token ids, e.g. 1,2,3 (default: a random"
      + " prompt, see --prompt-length).")
  String promptTokens;

  @Option(names = "--prompt-length", paramLabel = "L", description = "Decoders: the length of the random prompt (ids drawn with --seed,"
      + " below the vocabulary size; default: " + DecoderOptions.DEFAULT_PROMPT_LENGTH + ").")
  String promptLength;

  @Option(names = "--decoder-names", paramLabel = "ROLE=NAME[,...]", description = "Decoders: the model's names for the roles input_ids,"
      + " attention_mask, position_ids, beam_idx and logits, where they differ from these.")
  String names;

  @Option(names = "--no-decoder", description = "Run a stateful model with input_ids as any stateful model: --steps steps of random inputs.")
  boolean noDecoder;

  /** Whether any flag asks for decoder mode. */
  boolean given() {
    return decodeSteps != null || promptTokens != null || promptLength != null || names != null;
  }

  /** The decoder options; {@code stepsGiven}: --steps was given (random steps). */
  DecoderOptions options(boolean stepsGiven) throws CliException {
    DecoderOptions d = DecoderOptions.defaults();
    if (given() && (noDecoder || stepsGiven)) {
      throw new CliException(ExitCodes.USAGE, (noDecoder ? "--no-decoder" : "--steps (random-input steps)")
          + " cannot be combined with the decoder flags --decode-steps, --prompt-tokens, --prompt-length, --decoder-names");
    }
    if (noDecoder || stepsGiven) {
      return d.withMode(DecoderOptions.Mode.OFF);
    }
    if (given()) {
      d = d.withMode(DecoderOptions.Mode.ON);
    }
    if (promptTokens != null && promptLength != null) {
      throw new CliException(ExitCodes.USAGE, "give either --prompt-tokens or --prompt-length, not both");
    }
    if (decodeSteps != null) {
      d = d.withDecodeSteps(count(decodeSteps, "--decode-steps", 0));
    }
    if (promptLength != null) {
      d = d.withPromptLength(count(promptLength, "--prompt-length", 1));
    }
    if (promptTokens != null) {
      d = d.withPrompt(tokens(promptTokens, "--prompt-tokens"));
    }
    if (names != null) {
      d = d.withNames(names(names));
    }
    return d;
  }

  /** A whole number of at least {@code min}. */
  static int count(String text, String flag, int min) throws CliException {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new CliException(ExitCodes.USAGE, flag + " '" + text + "' must be a whole number of at least " + min);
  }

  /** Token ids separated by commas: 1,2,3. */
  static List<Long> tokens(String text, String flag) throws CliException {
    List<Long> ids = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        long id = Long.parseLong(part.strip());
        if (id < 0) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        throw new CliException(ExitCodes.USAGE, flag + " '" + text + "': '" + part + "' is no token id; give ids of 0 or more separated by commas, e.g. 1,2,3");
      }
    }
    return ids;
  }

  /** ROLE=NAME pairs separated by commas. */
  static Map<String, String> names(String text) throws CliException {
    Map<String, String> map = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      String role = eq < 0 ? part : part.substring(0, eq).strip();
      if (eq <= 0 || eq == part.length() - 1 || !DecoderInputs.ROLES.contains(role)) {
        throw new CliException(ExitCodes.USAGE, "--decoder-names '" + part + "' must be ROLE=NAME with ROLE one of " + String.join(", ", DecoderInputs.ROLES));
      }
      map.put(role, part.substring(eq + 1).strip());
    }
    return map;
  }
}
