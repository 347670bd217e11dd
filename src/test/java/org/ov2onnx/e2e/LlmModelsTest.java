package org.ov2onnx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConversionResult;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.OnnxChecker;
import org.ov2onnx.testing.OpCheck;
import org.ov2onnx.verify.DecoderOptions;
import org.ov2onnx.verify.DecoderVerifier;
import org.ov2onnx.verify.Decoding;
import org.ov2onnx.verify.Generator;
import org.ov2onnx.verify.OnnxRuntimeRunner;
import org.ov2onnx.verify.OutputMetrics;
import org.ov2onnx.verify.StatefulVerifier;
import org.ov2onnx.verify.Tolerance;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.VerifyReport;

/**
 * A stateful LLM end to end: the tiny Llama of src/test/python/tiny_llm.py (the graph optimum-intel
 * exports: KV cache in ReadValue/Assign, beam_idx, RoPE, grouped-query SDPA), in fp16, int8 and int4
 * (NNCF), made once in the test setup and cached. Each converts at the default opset with no flags,
 * passes onnx's full checker, keeps its compressed weights compressed (the ONNX model at most 1.2×
 * the IR's .bin), and generates the same greedy tokens as OpenVINO: a prefill and {@value #DECODE}
 * decode steps, OpenVINO on one stateful infer request, ONNX Runtime with each present.V fed back as
 * past.V (step 1 omits every past.V), OpenVINO's token fed to both sides; the logits of every step
 * agree within the scale-aware tolerance.
 */
class LlmModelsTest {
  static final int DECODE = 10;
  static final long[] PROMPT = {1, 37, 211, 5, 98, 402, 77};

  @TempDir static Path dir;
  static Path irs;

  /** The folder of the tiny LLM IRs: made by src/test/python/tiny_llm.sh once, then cached. */
  static Path fixture() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "src/test/python/tiny_llm.sh");
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), "making the tiny LLM IRs");
    return Path.of(out);
  }

  @BeforeAll
  static void makeModels() throws Exception {
    irs = fixture();
  }

  /** opset 0: the default. */
  @ParameterizedTest(name = "{0} opset {1}")
  @CsvSource({
    "fp16, 0, Cast, 0",
    "int8, 0, DequantizeLinear, 0",
    "int4, 0, MatMulNBits, 14",
    "int4, 21, DequantizeLinear, 0"
  })
  void convertsStaysCompressedAndGeneratesOpenVinosTokens(String variant, int opset, String keptOp, long nBits)
      throws Exception {
    Path ir = irs.resolve("tiny-llm-" + variant + ".xml");
    Path onnx = dir.resolve("tiny-llm-" + variant + "-" + opset + ".onnx");
    ConvertOptions options = ConvertOptions.defaults();
    ConversionResult r = new Converter().convert(ir, onnx, opset == 0 ? options : options.withOpset(opset));
    assertEquals(0, r.customOps());
    assertNull(OnnxChecker.check(onnx), "onnx.checker full check");

    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
    GraphProto g = proto.getGraph();
    List<String> ops = g.getNodeList().stream().map(NodeProto::getOpType).toList();
    assertTrue(ops.contains(keptOp), variant + " kept as " + keptOp + ": " + ops);
    // 4-bit: the 7 projections of both layers
    assertEquals(nBits, ops.stream().filter("MatMulNBits"::equals).count(), "MatMulNBits: " + ops);
    if (opset == 21) {
      // the projections as blocked DequantizeLinear over 4-bit initializers
      Set<String> fourBit = new LinkedHashSet<>();
      g.getInitializerList().stream()
          .filter(t -> t.getDataType() == TensorProto.DataType.UINT4_VALUE || t.getDataType() == TensorProto.DataType.INT4_VALUE)
          .forEach(t -> fourBit.add(t.getName()));
      long blocked = g.getNodeList().stream().filter(n -> n.getOpType().equals("DequantizeLinear") && fourBit.contains(n.getInput(0))
          && n.getAttributeList().stream().anyMatch(a -> a.getName().equals("block_size") && a.getI() == 32)).count();
      assertEquals(14, blocked, "14 projection weights as DequantizeLinear (block 32) over 4-bit initializers");
    }
    if (!variant.equals("fp16")) {
      // the int8 embedding: DequantizeLinear of the gathered compressed rows
      Set<String> gathered = new LinkedHashSet<>();
      g.getNodeList().stream().filter(n -> n.getOpType().equals("Gather")).forEach(n -> gathered.addAll(n.getOutputList()));
      assertTrue(g.getNodeList().stream().anyMatch(n -> n.getOpType().equals("DequantizeLinear") && gathered.contains(n.getInput(0))),
          "the int8 embedding is gathered compressed and then dequantized: " + ops);
    }
    double ratio = (double) onnxBytes(onnx, g) / Files.size(irs.resolve("tiny-llm-" + variant + ".bin"));
    System.out.printf("tiny LLM %s (opset %s): ONNX / IR .bin = %.3f%n", variant,
        opset == 0 ? "default" : opset, ratio);
    assertTrue(ratio <= 1.2, "the ONNX model is " + ratio + " × the IR's .bin");

    // the state's inputs and outputs, as the metadata names them
    List<StatefulVerifier.StatePair> pairs = StatefulVerifier.pairs(proto);
    assertEquals(4, pairs.size(), "a key and a value cache per layer: " + pairs);
    for (StatefulVerifier.StatePair p : pairs) {
      assertTrue(p.variable().matches("past_key_values\\.[01]\\.(key|value)present\\.[01]\\.(key|value)"), p.variable());
      assertEquals("past." + p.variable(), p.past());
      assertEquals("present." + p.variable(), p.present());
    }

    List<long[]> tokens = generate(ir, onnx, proto, pairs, PROMPT);
    Set<Long> distinct = new LinkedHashSet<>();
    tokens.forEach(t -> distinct.add(t[0]));
    System.out.printf("tiny LLM %s (opset %s): greedy tokens (OpenVINO = ONNX Runtime) %s%n", variant,
        opset == 0 ? "default" : opset,
        tokens.stream().map(t -> Long.toString(t[0])).toList());
    assertEquals(DECODE + 1, tokens.size(), "prefill and " + DECODE + " decode steps ran");
    assertTrue(distinct.size() >= 3, "the greedy tokens vary (the check is not vacuous): " + distinct);
  }

  /**
   * The product's own decoder tools on the real export: {@code verify} in decoder mode (a prefill
   * and 8 decode steps, logits and every {@code present.V} compared per step, greedy tokens
   * identical) passes, and {@code generate} on the ONNX model (ONNX Runtime, explicit state) gives
   * the tokens of {@code generate} on the IR (one stateful OpenVINO request).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"fp16", "int4"})
  void decoderVerifyAndGenerateReproduceOpenVino(String variant) throws Exception {
    Path ir = irs.resolve("tiny-llm-" + variant + ".xml");
    Path onnx = dir.resolve("tiny-llm-" + variant + "-tools.onnx");
    new Converter().convert(ir, onnx, ConvertOptions.defaults());
    List<Long> prompt = java.util.Arrays.stream(PROMPT).boxed().toList();

    VerifyReport report = DecoderVerifier.verify(ir, onnx, DecoderOptions.defaults().withPrompt(prompt).withDecodeSteps(8));
    Decoding decoding = report.decoding();
    assertTrue(decoding != null, "verify ran as a decoder");
    assertEquals(9, decoding.steps().size(), "a prefill and 8 decode steps");
    assertTrue(decoding.tokensMatch(), "greedy tokens: OpenVINO " + decoding.expectedTokens() + ", ONNX Runtime " + decoding.actualTokens());
    assertTrue(report.passed(), "decoder verify of the " + variant + " LLM");
    assertTrue(new LinkedHashSet<>(decoding.expectedTokens()).size() >= 3, "the tokens vary: " + decoding.expectedTokens());

    List<Long> onIr;
    List<Long> onOnnx;
    try (Generator g = Generator.open(ir)) {
      onIr = g.generate(prompt, 16, null);
    }
    try (Generator g = Generator.open(onnx)) {
      onOnnx = g.generate(prompt, 16, null);
    }
    System.out.printf("tiny LLM %s: generate on OpenVINO %s, on ONNX Runtime %s%n", variant, onIr, onOnnx);
    assertEquals(16, onIr.size());
    assertEquals(onIr, onOnnx, "generate on the ONNX model reproduces OpenVINO's tokens");
  }

  /**
   * A batch of two prompts of different lengths, the shorter padded on the left: the attention
   * mask's zeros reach the causal mask, and each row's positions start at its first real token.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"fp16", "int4"})
  void paddedBatchOfTwoGeneratesOpenVinosTokens(String variant) throws Exception {
    Path ir = irs.resolve("tiny-llm-" + variant + ".xml");
    Path onnx = dir.resolve("tiny-llm-" + variant + "-batch.onnx");
    new Converter().convert(ir, onnx, ConvertOptions.defaults());
    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
    long[] shorter = {9, 300, 41};
    List<long[]> tokens = generate(ir, onnx, proto, StatefulVerifier.pairs(proto), PROMPT, shorter);
    System.out.printf("tiny LLM %s, batch of 2 (left padding): greedy tokens per row %s%n", variant,
        tokens.stream().map(java.util.Arrays::toString).toList());
    assertEquals(DECODE + 1, tokens.size());
    // the shorter prompt alone gives the same tokens as its padded row
    List<long[]> alone = generate(ir, onnx, proto, StatefulVerifier.pairs(proto), shorter);
    for (int s = 0; s < tokens.size(); s++) {
      assertEquals(alone.get(s)[0], tokens.get(s)[1], "the padded row's token at step " + s + " is the unpadded prompt's");
    }
    assertTrue(tokens.stream().anyMatch(t -> t[0] != t[1]), "the two rows differ (the batch is not one row twice)");
  }

  /** The size of the ONNX model with its external data files. */
  static long onnxBytes(Path onnx, GraphProto g) throws Exception {
    long total = Files.size(onnx);
    Set<String> files = new LinkedHashSet<>();
    for (TensorProto t : g.getInitializerList()) {
      for (StringStringEntryProto e : t.getExternalDataList()) {
        if (e.getKey().equals("location")) {
          files.add(e.getValue());
        }
      }
    }
    for (String f : files) {
      total += Files.size(onnx.resolveSibling(f));
    }
    return total;
  }

  /**
   * Greedy decoding on both sides: the prompts (a batch, shorter ones padded on the left with
   * attention mask 0, positions counted from each row's first real token), then {@value #DECODE}
   * steps of one token per row (OpenVINO's argmax of the last logits), with the attention mask and
   * the positions growing and beam_idx 0, 1, ... Asserts per step that the greedy tokens agree and
   * that the logits are within tolerance; returns the tokens chosen at each step, one per row.
   */
  static List<long[]> generate(Path ir, Path onnx, ModelProto proto, List<StatefulVerifier.StatePair> pairs, long[]... prompts)
      throws Exception {
    List<long[]> chosen = new ArrayList<>();
    Tolerance tolerance = Tolerance.defaultFor(ElementType.F32);
    // ONNX Runtime's Java API cannot feed an input that has an initializer (past.V's default):
    // later steps run a copy without those defaults
    ModelProto.Builder fed = proto.toBuilder();
    GraphProto.Builder g = fed.getGraphBuilder();
    Set<String> pasts = new LinkedHashSet<>();
    pairs.forEach(p -> pasts.add(p.past()));
    for (int i = g.getInitializerCount() - 1; i >= 0; i--) {
      if (pasts.contains(g.getInitializer(i).getName())) {
        g.removeInitializer(i);
      }
    }
    int batch = prompts.length;
    int width = java.util.Arrays.stream(prompts).mapToInt(p -> p.length).max().orElseThrow();
    long[][] step = new long[batch][width];
    long[][] positions = new long[batch][width];
    List<List<Long>> mask = new ArrayList<>();
    for (int r = 0; r < batch; r++) {
      int pad = width - prompts[r].length;
      mask.add(new ArrayList<>());
      for (int i = 0; i < width; i++) {
        step[r][i] = i < pad ? 0 : prompts[r][i - pad];
        positions[r][i] = i < pad ? 1 : i - pad;
        mask.get(r).add(i < pad ? 0L : 1L);
      }
    }
    ByteBuffer beam = ByteBuffer.allocateDirect(4 * batch).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < batch; r++) {
      beam.putInt(r);
    }
    Tensor beamIdx = Tensor.of(ElementType.I32, new long[] {batch}, beam.flip());
    Map<String, String> properties = new HashMap<>(Core.REFERENCE_MODE);
    properties.put("KV_CACHE_PRECISION", "f32");
    try (Core core = Core.create();
        Model model = core.readModel(ir);
        CompiledModel compiled = core.compile(model, "CPU", properties);
        InferRequest request = compiled.createRequest();
        OnnxRuntimeRunner first = new OnnxRuntimeRunner(onnx);
        OnnxRuntimeRunner later = new OnnxRuntimeRunner(onnx, fed.build())) {
      List<String> inputs = model.inputs().stream().map(Port::name).toList();
      assertEquals(List.of("input_ids", "attention_mask", "position_ids", "beam_idx"), inputs);
      List<String> wanted = new ArrayList<>(List.of("logits"));
      pairs.forEach(p -> wanted.add(p.present()));
      Map<String, Tensor> state = new LinkedHashMap<>();
      int length = 0;
      for (int s = 0; s <= DECODE; s++) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        feeds.put("input_ids", longs(step));
        feeds.put("attention_mask", longs(mask.stream().map(m -> m.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new)));
        feeds.put("position_ids", longs(positions));
        feeds.put("beam_idx", beamIdx);
        for (int i = 0; i < inputs.size(); i++) {
          request.setInput(i, feeds.get(inputs.get(i)));
        }
        request.infer();
        Tensor expected = request.output(0);
        feeds.putAll(state);
        Map<String, Tensor> actual = (s == 0 ? first : later).run(feeds, wanted);
        String name = "step " + s + " (" + (s == 0 ? "prefill of " + width : "decode") + ")/logits";
        OutputMetrics m = Verifier.compare(name, expected, actual.get("logits"), tolerance);
        assertTrue(m.passed(), m.toString());
        long[] ovTokens = lastArgmax(expected);
        assertEquals(java.util.Arrays.toString(ovTokens), java.util.Arrays.toString(lastArgmax(actual.get("logits"))),
            "greedy tokens at step " + s);
        chosen.add(ovTokens);
        int grown = length + step[0].length;
        for (StatefulVerifier.StatePair p : pairs) {
          Tensor present = actual.get(p.present());
          assertEquals(grown, present.shape()[2], p.present() + " grows by the step's tokens");
          state.put(p.past(), present);
        }
        length = grown;
        for (int r = 0; r < batch; r++) {
          long next = positions[r][positions[r].length - 1] + 1;
          step[r] = new long[] {ovTokens[r]};
          positions[r] = new long[] {next};
          mask.get(r).add(1L);
        }
      }
    }
    return chosen;
  }

  /** An i64 tensor [rows, n] of equally long rows. */
  static Tensor longs(long[][] rows) {
    ByteBuffer b = ByteBuffer.allocateDirect(rows.length * rows[0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long[] row : rows) {
      for (long v : row) {
        b.putLong(v);
      }
    }
    return Tensor.of(ElementType.I64, new long[] {rows.length, rows[0].length}, b.flip());
  }

  /** The argmax over the vocabulary of each row's last position in logits [batch, seq, vocab]. */
  static long[] lastArgmax(Tensor logits) {
    double[] v = OpCheck.values(logits);
    long[] shape = logits.shape();
    int seq = (int) shape[1];
    int vocab = (int) shape[2];
    long[] tokens = new long[(int) shape[0]];
    for (int r = 0; r < tokens.length; r++) {
      int base = ((r + 1) * seq - 1) * vocab;
      int best = 0;
      for (int i = 1; i < vocab; i++) {
        if (v[base + i] > v[base + best]) {
          best = i;
        }
      }
      tokens[r] = best;
    }
    return tokens;
  }
}
