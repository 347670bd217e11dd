package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Tensor;

/**
 * Beam search state: {@code beam_idx} picks the cache row each batch row continues (OpenVINO's LLM
 * IR gathers each variable along axis 0). A batch of 2, the rows swapped ([1, 0]) at one decode
 * step: the converted model, fed the same inputs and its own present.V, matches OpenVINO's
 * stateful request at every step, logits and every state variable.
 */
class BeamSearchStateTest {
  @TempDir Path dir;

  private static final long[][] PROMPTS = {{3, 14, 15, 9}, {26, 5, 35, 8}};
  private static final long[][][] DECODE = {{{7}, {7}}, {{11}, {12}}, {{2}, {40}}};
  private static final int[][] BEAMS = {{1, 0}, {0, 1}, {1, 0}};

  @Test
  void swappedBeamIdxReordersTheCacheAsOpenVinoDoes() throws Exception {
    Path xml = TinyDecoderIr.write(dir, "beam_decoder", 21);
    Path onnx = dir.resolve("beam_decoder.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    List<StatefulVerifier.StatePair> pairs = StatefulVerifier.pairs(ModelProto.parseFrom(Files.readAllBytes(onnx)));
    assertEquals(2 * TinyDecoderIr.LAYERS, pairs.size());
    VerifyOptions tolerances = VerifyOptions.defaults();
    try (Core core = Core.create();
        Model model = core.readModel(xml, null);
        DecoderSession ov = DecoderSession.openVino(core, model, OpenVinoRunner.DeviceSpec.parse("CPU"), Map.of(), pairs, new ArrayList<>());
        DecoderSession ort = DecoderSession.onnxRuntime(onnx, Map.of())) {
      List<String> compared = new ArrayList<>();
      for (int step = 0; step <= DECODE.length; step++) {
        long[][] tokens = step == 0 ? PROMPTS : DECODE[step - 1];
        int[] beam = step == 0 ? null : BEAMS[step - 1];
        DecoderSession.Step e = ov.step(tokens, beam);
        DecoderSession.Step a = ort.step(tokens, beam);
        assertPasses("step " + step + "/logits", e.logits(), a.logits(), tolerances);
        assertEquals(pairs.size(), e.state().size());
        for (Map.Entry<String, Tensor> s : e.state().entrySet()) {
          assertPasses("step " + step + "/" + s.getKey(), s.getValue(), a.state().get(s.getKey()), tolerances);
          assertEquals(2, s.getValue().shape()[0]);
          assertEquals(PROMPTS[0].length + step, s.getValue().shape()[2]);
          compared.add(s.getKey());
        }
      }
      assertEquals(pairs.size() * (DECODE.length + 1), compared.size());
    }
  }

  /**
   * What the swap means, on both runtimes: fed the same token in both rows, the swapped step's
   * rows are the unswapped step's rows exchanged (and differ from them, so the swap is seen).
   */
  @Test
  void theSwapExchangesTheRowsContinuations() throws Exception {
    Path xml = TinyDecoderIr.write(dir, "swap_decoder", 22);
    Path onnx = dir.resolve("swap_decoder.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    for (boolean onnxRuntime : new boolean[] {false, true}) {
      double[][] kept = continuation(xml, onnx, onnxRuntime, new int[] {0, 1});
      double[][] swapped = continuation(xml, onnx, onnxRuntime, new int[] {1, 0});
      double different = 0;
      for (int v = 0; v < TinyDecoderIr.VOCAB; v++) {
        assertEquals(kept[1][v], swapped[0][v], 1e-5);
        assertEquals(kept[0][v], swapped[1][v], 1e-5);
        different = Math.max(different, Math.abs(kept[0][v] - swapped[0][v]));
      }
      assertTrue(different > 0.05, "the rows' continuations should differ, by " + different);
    }
  }

  /** The last logits of each row after the prompts and one token (7 in both rows) with this beam order. */
  private static double[][] continuation(Path xml, Path onnx, boolean onnxRuntime, int[] beam) throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(xml, null);
        DecoderSession s = onnxRuntime ? DecoderSession.onnxRuntime(onnx, Map.of())
            : DecoderSession.openVino(core, model, OpenVinoRunner.DeviceSpec.parse("CPU"), Map.of(), List.of(), new ArrayList<>())) {
      s.step(PROMPTS, null);
      Tensor logits = s.step(new long[][] {{7}, {7}}, beam).logits();
      return new double[][] {DecoderInputs.lastPosition(logits, 0), DecoderInputs.lastPosition(logits, 1)};
    }
  }

  private static void assertPasses(String name, Tensor expected, Tensor actual, VerifyOptions options) {
    OutputMetrics m = Verifier.compare(name, expected, actual, options.toleranceFor("", expected.elementType()));
    assertTrue(m.passed(), m.toString());
  }
}
