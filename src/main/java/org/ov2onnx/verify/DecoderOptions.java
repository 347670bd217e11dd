package org.ov2onnx.verify;

import java.util.List;
import java.util.Map;

/**
 * How a decoder (a stateful LLM IR: {@code input_ids}, {@code attention_mask}, {@code
 * position_ids}, {@code beam_idx}, a KV cache in ReadValue/Assign) is verified: a prefill of a
 * prompt, then {@code decodeSteps} steps of one token each, greedy.
 *
 * @param mode when verification runs in decoder mode
 * @param promptTokens the prompt's token ids, or null for {@code promptLength} seeded random ids
 * @param promptLength the length of a random prompt (ids uniform below the vocabulary size)
 * @param decodeSteps decode steps after the prefill (each feeds one token)
 * @param names the model's names for the decoder roles, overriding recognition by name: role
 *     ({@link DecoderInputs#ROLES}) to input or output name
 */
public record DecoderOptions(Mode mode, List<Long> promptTokens, int promptLength, int decodeSteps, Map<String, String> names) {
  /** Prompt length and decode steps when none are given. */
  public static final int DEFAULT_PROMPT_LENGTH = 8;

  public static final int DEFAULT_DECODE_STEPS = 8;

  /** When verify runs a model as a decoder. */
  public enum Mode {
    /** When the model is stateful and has an input named as {@code input_ids} (the default). */
    AUTO,
    /** Always: a model that is no decoder is an error. */
    ON,
    /** Never: stateful models run random steps ({@link StatefulVerifier}). */
    OFF
  }

  public DecoderOptions {
    promptTokens = promptTokens == null ? null : List.copyOf(promptTokens);
    names = Map.copyOf(names);
  }

  public static DecoderOptions defaults() {
    return new DecoderOptions(Mode.AUTO, null, DEFAULT_PROMPT_LENGTH, DEFAULT_DECODE_STEPS, Map.of());
  }

  public DecoderOptions withMode(Mode m) {
    return new DecoderOptions(m, promptTokens, promptLength, decodeSteps, names);
  }

  public DecoderOptions withPrompt(List<Long> tokens) {
    return new DecoderOptions(mode, tokens, promptLength, decodeSteps, names);
  }

  public DecoderOptions withPromptLength(int length) {
    return new DecoderOptions(mode, promptTokens, length, decodeSteps, names);
  }

  public DecoderOptions withDecodeSteps(int steps) {
    return new DecoderOptions(mode, promptTokens, promptLength, steps, names);
  }

  public DecoderOptions withNames(Map<String, String> n) {
    return new DecoderOptions(mode, promptTokens, promptLength, decodeSteps, n);
  }
}
