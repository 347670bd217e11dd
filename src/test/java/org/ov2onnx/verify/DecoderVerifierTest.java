package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.testing.OnnxChecker;

/**
 * Decoder verification on a genuine stateful decoder IR ({@link TinyDecoderIr}) and its
 * conversion: OpenVINO's stateful request against ONNX Runtime with the state fed back, over a
 * prefill and decode steps, with greedy tokens compared per step.
 */
class DecoderVerifierTest {
  @TempDir static Path dir;
  static Path xml;
  static Path onnx;

  static final List<Long> PROMPT = List.of(3L, 14L, 15L, 9L, 26L, 5L);

  @BeforeAll
  static void convert() throws Exception {
    xml = TinyDecoderIr.write(dir, "tiny_decoder", 7);
    onnx = dir.resolve("tiny_decoder.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    assertNull(OnnxChecker.check(onnx), "ONNX checker");
  }

  @Test
  void prefillAndEightDecodeStepsGiveIdenticalTokens() throws Exception {
    VerifyReport r = DecoderVerifier.verify(xml, onnx, DecoderOptions.defaults().withPrompt(PROMPT).withDecodeSteps(8));
    assertTrue(r.passed(), r.toConsole());
    Decoding d = r.decoding();
    assertEquals(9, d.steps().size());
    assertEquals("prefill", d.steps().get(0).name());
    assertEquals("decode 8", d.steps().get(8).name());
    assertEquals(PROMPT, d.steps().get(0).fed());
    assertEquals(d.expectedTokens(), d.actualTokens());
    assertTrue(new java.util.HashSet<>(d.expectedTokens()).size() > 2, "a generation that varies: " + d.expectedTokens());
    for (int i = 1; i < 9; i++) {
      // each decode step is fed the token the step before chose
      assertEquals(List.of(d.steps().get(i - 1).expected()), d.steps().get(i).fed());
    }
    // per step: the logits and the four present.V, with the cache growing by one token a step
    assertEquals(9 * (1 + 2 * TinyDecoderIr.LAYERS), r.outputs().size(), r.toConsole());
    OutputMetrics lastKey = r.outputs().stream().filter(o -> o.name().equals("decode 8/present.past_key_values.1.key")).findFirst().orElseThrow();
    assertArrayEquals(new long[] {1, TinyDecoderIr.HEADS, PROMPT.size() + 8, TinyDecoderIr.HEAD_DIM}, lastKey.shape());
    OutputMetrics prefill = r.outputs().get(0);
    assertEquals("prefill/logits", prefill.name());
    assertArrayEquals(new long[] {1, PROMPT.size(), TinyDecoderIr.VOCAB}, prefill.shape());
    // the greedy tokens are those of generation on OpenVINO and on ONNX Runtime
    try (Generator ov = Generator.open(xml); Generator ort = Generator.open(onnx)) {
      assertEquals(d.expectedTokens(), ov.generate(PROMPT, 9, null));
      assertEquals(d.expectedTokens(), ort.generate(PROMPT, 9, null));
    }
    assertTrue(r.toConsole().contains("Greedy tokens: identical over a prefill of 6 tokens and 8 decode steps"), r.toConsole());
    assertTrue(r.toJson().contains("\"expected_tokens\""), r.toJson());
    assertTrue(r.toMarkdown().contains("## Decoding"), r.toMarkdown());
    assertTrue(r.toHtml().contains("<h2>Decoding: <span class=\"pass\">identical tokens</span></h2>"), r.toHtml());
    String html = r.toHtml();
    assertEquals(8, html.split("<tr><td class=\"l\">decode ").length - 1, html);
    assertTrue(html.indexOf("<h2>Decoding") < html.indexOf("<h2>Output <code>prefill/logits</code>"), html);
    for (String external : new String[] {"<script", "http:", "https:", "src=", "href="}) {
      assertFalse(html.contains(external), external + " in the page");
    }
  }

  /** Verifier recognises the decoder by its inputs; a random prompt follows the seed. */
  @Test
  void verifyRecognisesADecoderAndDrawsASeededPrompt() throws Exception {
    VerifyReport a = Verifier.verify(xml, onnx, VerifyOptions.defaults().withSeed(11));
    assertNotNull(a.decoding(), a.toConsole());
    assertTrue(a.passed(), a.toConsole());
    assertEquals(DecoderOptions.DEFAULT_PROMPT_LENGTH, a.decoding().prompt().size());
    assertEquals(DecoderOptions.DEFAULT_DECODE_STEPS + 1, a.decoding().steps().size());
    assertTrue(a.decoding().prompt().stream().allMatch(t -> t >= 0 && t < TinyDecoderIr.VOCAB));
    VerifyReport b = Verifier.verify(xml, onnx, VerifyOptions.defaults().withSeed(11).withDecoder(DecoderOptions.defaults().withDecodeSteps(2)));
    assertEquals(a.decoding().prompt(), b.decoding().prompt());
    VerifyReport c = Verifier.verify(xml, onnx, VerifyOptions.defaults().withSeed(12).withDecoder(DecoderOptions.defaults().withDecodeSteps(2)));
    assertFalse(a.decoding().prompt().equals(c.decoding().prompt()));
  }

  /**
   * The decode steps really use the cache as a full recomputation would: after a prefill and k
   * decode steps, the logits equal those of a prefill of the whole sequence from an empty cache
   * (which needs the attention mask and the positions to follow the cache).
   */
  @Test
  void decodingWithTheCacheEqualsRecomputingTheWholeSequence() throws Exception {
    for (Path model : List.of(xml, onnx)) {
      try (Core core = Core.create(); Model m = core.readModel(xml, null);
          DecoderSession s = model == onnx ? DecoderSession.onnxRuntime(onnx, Map.of())
              : DecoderSession.openVino(core, m, OpenVinoRunner.DeviceSpec.parse("CPU"), Map.of(), List.of(), new java.util.ArrayList<>())) {
        long[] sequence = {3, 14, 15, 9, 26, 5, 35, 8, 9, 7};
        s.step(new long[][] {java.util.Arrays.copyOf(sequence, 6)}, null);
        double[] cached = null;
        for (int i = 6; i < sequence.length; i++) {
          cached = DecoderInputs.lastPosition(s.step(new long[][] {{sequence[i]}}, null).logits(), 0);
        }
        assertEquals(sequence.length, s.pastLength());
        s.reset();
        assertEquals(0, s.pastLength());
        double[] full = DecoderInputs.lastPosition(s.step(new long[][] {sequence}, null).logits(), 0);
        for (int v = 0; v < full.length; v++) {
          assertEquals(full[v], cached[v], 1e-4, model + " vocabulary entry " + v);
        }
      }
    }
  }

  /**
   * The naming and the first-step contract the docs describe: per variable V, past.V and present.V
   * recorded in metadata_props, the initial cache computed while past.V is empty; omitting past.V
   * (its default) and feeding an empty tensor start alike.
   */
  @Test
  void theConvertedDecoderNamesItsStateAndStartsFromAnEmptyCache() throws Exception {
    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
    Map<String, String> meta = new HashMap<>();
    proto.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
    for (int layer = 0; layer < TinyDecoderIr.LAYERS; layer++) {
      for (String kind : List.of("key", "value")) {
        String v = "past_key_values." + layer + "." + kind;
        assertEquals("past." + v + ";present." + v, meta.get("ov2onnx.state." + v));
        assertEquals("computed-if-empty", meta.get("ov2onnx.state_initial." + v));
      }
    }
    List<String> inputs = proto.getGraph().getInputList().stream().map(i -> i.getName()).toList();
    assertEquals(List.of("input_ids", "attention_mask", "position_ids", "beam_idx"), inputs.subList(0, 4));
    assertTrue(inputs.contains("past.past_key_values.1.value"), inputs.toString());
    // omitting every past.V (the original model, its defaults apply) ...
    long[][] prompt = {PROMPT.stream().mapToLong(Long::longValue).toArray()};
    Tensor omitted;
    try (DecoderSession s = DecoderSession.onnxRuntime(onnx, Map.of()); OnnxRuntimeRunner plain = new OnnxRuntimeRunner(onnx)) {
      omitted = plain.run(s.inputs().feeds(prompt, 0, null), List.of("logits")).get("logits");
      // ... and feeding empty tensors (the session does) give the same logits
      Tensor fed = s.step(prompt, null).logits();
      assertArrayEquals(TensorValues.of(omitted), TensorValues.of(fed), 0);
    }
  }

  /** A small error in one weight of the converted model fails verification at the prefill already. */
  @Test
  void aSlightlyDifferentModelFails() throws Exception {
    Path other = TinyDecoderIr.write(dir.resolve("perturbed"), "tiny_decoder", 7, 1.02);
    Path otherOnnx = dir.resolve("perturbed/tiny_decoder.onnx");
    new Converter().convert(other, otherOnnx, ConvertOptions.defaults());
    VerifyReport r = DecoderVerifier.verify(xml, otherOnnx, DecoderOptions.defaults().withPrompt(PROMPT).withDecodeSteps(3));
    assertFalse(r.passed(), r.toConsole());
    assertFalse(r.outputs().get(0).passed(), r.toConsole());
    assertEquals("prefill/logits", r.outputs().get(0).name());
    assertEquals(4, r.decoding().steps().size());
  }

  /** Another model's tokens differ; decoding continues with OpenVINO's token on both sides, and each step says which differ. */
  @Test
  void anotherModelGivesDifferentTokensEachStepReported() throws Exception {
    Path other = TinyDecoderIr.write(dir.resolve("other"), "tiny_decoder", 8);
    Path otherOnnx = dir.resolve("other/tiny_decoder.onnx");
    new Converter().convert(other, otherOnnx, ConvertOptions.defaults());
    VerifyReport r = DecoderVerifier.verify(xml, otherOnnx, DecoderOptions.defaults().withPrompt(PROMPT).withDecodeSteps(8));
    assertFalse(r.passed());
    Decoding d = r.decoding();
    assertFalse(d.tokensMatch(), r.toConsole());
    assertEquals(9, d.steps().size());
    try (Generator ov = Generator.open(xml)) {
      assertEquals(ov.generate(PROMPT, 9, null), d.expectedTokens());
    }
    assertTrue(r.toConsole().contains("DIFFERENT"), r.toConsole());
    assertTrue(r.toHtml().contains("<span class=\"fail\">tokens differ</span>"), r.toHtml());
    assertTrue(r.toJson().contains("\"tokens_match\": false"), r.toJson());
    assertTrue(r.toConsole().contains("FAILED"), r.toConsole());
  }

  @Test
  void badOptionsAndModelsAreRefusedClearly() throws Exception {
    VerifyException outside = assertThrows(VerifyException.class,
        () -> DecoderVerifier.verify(xml, onnx, DecoderOptions.defaults().withPrompt(List.of(1L, 64L))));
    assertTrue(outside.usage() && outside.getMessage().contains("token id 64 is outside the vocabulary (0..63)"), outside.getMessage());
    VerifyException role = assertThrows(VerifyException.class,
        () -> DecoderVerifier.verify(xml, onnx, DecoderOptions.defaults().withNames(Map.of("input_ids", "tokens"))));
    assertTrue(role.usage() && role.getMessage().contains("has no input 'tokens'"), role.getMessage());
    // a stateful model that is no decoder
    Path stateful = Path.of("src/test/resources/fixtures/stateful.xml");
    Path statefulOnnx = dir.resolve("stateful.onnx");
    new Converter().convert(stateful, statefulOnnx, ConvertOptions.defaults());
    VerifyException none = assertThrows(VerifyException.class,
        () -> DecoderVerifier.verify(stateful, statefulOnnx, DecoderOptions.defaults()));
    assertFalse(none.usage());
    assertTrue(none.getMessage().contains("has no input 'input_ids', so it is no decoder"), none.getMessage());
    // and auto mode leaves it to the random steps
    assertNull(Verifier.verify(stateful, statefulOnnx, VerifyOptions.defaults()).decoding());
  }
}
