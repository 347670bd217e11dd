package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.verify.Generator;
import org.ov2onnx.verify.TinyDecoderIr;

/** verify, convert --verify and compare on a decoder; the generate command; their flags' errors. */
class DecoderCommandsTest {
  @TempDir static Path dir;
  static Path xml;
  static Path onnx;

  @BeforeAll
  static void convert() throws Exception {
    xml = TinyDecoderIr.write(dir, "decoder", 5);
    onnx = dir.resolve("decoder.onnx");
    CliTest r = CliTest.run("convert", xml.toString(), "-o", onnx.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  private static String lastLine(String out) {
    String[] lines = out.strip().split("\\R");
    return lines[lines.length - 1];
  }

  private static List<Long> ids(String line) {
    return Arrays.stream(line.split(",")).map(Long::parseLong).toList();
  }

  @Test
  void generateOnOnnxRuntimeReproducesOpenVinosTokens() throws Exception {
    CliTest ort = CliTest.run("generate", onnx.toString(), "--tokens", "3,14,15", "--max-new", "12");
    assertEquals(0, ort.exitCode(), ort.err());
    assertTrue(ort.err().isEmpty(), ort.err());
    CliTest ov = CliTest.run("generate", xml.toString(), "--tokens", "3,14,15", "--max-new", "12");
    assertEquals(0, ov.exitCode(), ov.err());
    List<Long> tokens = ids(lastLine(ort.out()));
    assertEquals(12, tokens.size(), ort.out());
    assertEquals(lastLine(ov.out()), lastLine(ort.out()));
    assertTrue(ort.out().contains("generated 12 tokens on ONNX Runtime after a prompt of 3"), ort.out());
    assertTrue(ov.out().contains("on OpenVINO CPU"), ov.out());
    // the library gives the same
    try (Generator g = Generator.open(onnx)) {
      assertEquals(tokens, g.generate(List.of(3L, 14L, 15L), 12, null));
    }
    // --eos stops after the first occurrence of that token, which is printed last
    long eos = tokens.get(4);
    CliTest stopped = CliTest.run("generate", onnx.toString(), "--tokens", "3,14,15", "--max-new", "12", "--eos", Long.toString(eos));
    assertEquals(0, stopped.exitCode(), stopped.err());
    assertEquals(tokens.subList(0, tokens.indexOf(eos) + 1), ids(lastLine(stopped.out())));
    assertTrue(stopped.out().contains("stopped at --eos " + eos), stopped.out());
  }

  @Test
  void generateRefusesBadValuesInOneLine() throws Exception {
    String m = onnx.toString();
    CliTest.run("generate", m, "--tokens", "1,x").assertOneLineError(2, "--tokens", "'x' is no token id");
    CliTest.run("generate", m, "--tokens", "1,-2").assertOneLineError(2, "--tokens", "'-2'");
    CliTest.run("generate", m, "--tokens", "1,64").assertOneLineError(2, "--tokens", "token id 64 is outside the vocabulary (0..63)");
    CliTest.run("generate", xml.toString(), "--tokens", "99").assertOneLineError(2, "token id 99");
    CliTest.run("generate", m, "--tokens", "1", "--max-new", "0").assertOneLineError(2, "--max-new", "at least 1");
    CliTest.run("generate", m, "--tokens", "1", "--max-new", "many").assertOneLineError(2, "--max-new");
    CliTest.run("generate", m, "--tokens", "1", "--eos", "1,2").assertOneLineError(2, "--eos", "one token id");
    CliTest.run("generate", m, "--tokens", "1", "--eos", "64").assertOneLineError(2, "--eos", "outside the vocabulary");
    CliTest.run("generate", m, "--tokens", "1", "-w", xml.toString().replace(".xml", ".bin")).assertOneLineError(2, "--weights");
    CliTest.run("generate", m, "--tokens", "1", "--decoder-names", "tokens=x").assertOneLineError(2, "--decoder-names", "ROLE=NAME");
    CliTest.run("generate", m, "--tokens", "1", "--decoder-names", "input_ids=tokens").assertOneLineError(2, "has no input 'tokens'");
    CliTest.run("generate", dir.resolve("missing.onnx").toString(), "--tokens", "1").assertOneLineError(4, "missing.onnx");
    // models that are no decoders: a stateful model without input_ids, and an ONNX model without state
    CliTest.run("generate", CliTest.fixture("stateful.xml").toString(), "--tokens", "1")
        .assertOneLineError(4, "has no input 'input_ids', so it is no decoder");
    Path cnn = dir.resolve("cnn.onnx");
    assertEquals(0, CliTest.run("convert", "samples/sample-cnn.xml", "-o", cnn.toString()).exitCode());
    CliTest.run("generate", cnn.toString(), "--tokens", "1").assertOneLineError(4, "cnn.onnx has no state");
    CliTest.run("generate", "samples/sample-cnn.xml", "--tokens", "1").assertOneLineError(4, "has no state (ReadValue/Assign)");
    CliTest missing = CliTest.run("generate", m);
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("--tokens"), missing.err());
  }

  @Test
  void verifyRunsTheDecoderAndReportsTokens() throws Exception {
    Path json = dir.resolve("v.json");
    Path html = dir.resolve("v.html");
    Path md = dir.resolve("v.md");
    CliTest r = CliTest.run("verify", xml.toString(), onnx.toString(), "--prompt-tokens", "3,14,15", "--decode-steps", "8", "--report",
        json.toString(), "--html", html.toString(), "--markdown", md.toString());
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("Greedy tokens: identical over a prefill of 3 tokens and 8 decode steps"), r.out());
    assertTrue(r.out().contains("decode 8/logits") && !r.out().contains("decode 9/"), r.out());
    assertTrue(r.out().contains("decode 8/present.past_key_values.1.value"), r.out());
    String generated = CliTest.run("generate", xml.toString(), "--tokens", "3,14,15", "--max-new", "9").out();
    assertTrue(r.out().contains("Tokens (OpenVINO CPU): " + lastLine(generated)), r.out() + generated);
    assertTrue(r.out().contains("Tokens (ONNX Runtime): " + lastLine(generated)), r.out() + generated);
    String report = Files.readString(json);
    assertTrue(report.contains("\"decoding\"") && report.contains("\"tokens_match\": true"), report);
    assertTrue(report.contains("\"name\": \"prefill/input_ids\""), report);
    assertTrue(Files.readString(html).contains("identical tokens"), Files.readString(html));
    assertTrue(Files.readString(md).contains("## Decoding"), Files.readString(md));
  }

  /** convert --verify recognises the decoder by its inputs: no flag needed. */
  @Test
  void convertVerifyRecognisesTheDecoder() throws Exception {
    CliTest r = CliTest.run("convert", xml.toString(), "-o", dir.resolve("again.onnx").toString(), "--verify", "--decode-steps", "2");
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("Greedy tokens: identical over a prefill of 8 tokens and 2 decode steps"), r.out());
    CliTest auto = CliTest.run("verify", xml.toString(), onnx.toString());
    assertEquals(0, auto.exitCode(), auto.err() + auto.out());
    assertTrue(auto.out().contains("and 8 decode steps"), auto.out());
  }

  @Test
  void verifyFailsWithExit1OnAnotherModel() throws Exception {
    Path other = TinyDecoderIr.write(dir.resolve("other"), "decoder", 6);
    Path otherOnnx = dir.resolve("other/decoder.onnx");
    assertEquals(0, CliTest.run("convert", other.toString(), "-o", otherOnnx.toString()).exitCode());
    CliTest r = CliTest.run("verify", xml.toString(), otherOnnx.toString(), "--decode-steps", "3");
    assertEquals(1, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("prefill/logits") && r.out().contains("FAIL"), r.out());
    assertTrue(r.out().strip().endsWith("FAILED (OpenVINO CPU vs ONNX Runtime)"), r.out());
  }

  /** A decoder whose inputs and logits have other names runs with --decoder-names, in verify and generate. */
  @Test
  void decoderNamesMapTheRoles() throws Exception {
    Path renamed = TinyDecoderIr.write(dir.resolve("renamed"), "decoder", 5, 1.0,
        java.util.Map.of("input_ids", "tokens", "attention_mask", "mask", "position_ids", "positions", "beam_idx", "beams", "logits", "scores"));
    Path renamedOnnx = dir.resolve("renamed/decoder.onnx");
    assertEquals(0, CliTest.run("convert", renamed.toString(), "-o", renamedOnnx.toString()).exitCode());
    String names = "input_ids=tokens,attention_mask=mask,position_ids=positions,beam_idx=beams,logits=scores";
    CliTest r = CliTest.run("verify", renamed.toString(), renamedOnnx.toString(), "--decoder-names", names, "--prompt-tokens", "3,14,15");
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("Decoder: input_ids=tokens, attention_mask=mask, position_ids=positions, beam_idx=beams, logits=scores"), r.out());
    assertTrue(r.out().contains("decode 8/scores"), r.out());
    // the same weights as the decoder with the usual names: the same tokens
    String expected = lastLine(CliTest.run("generate", xml.toString(), "--tokens", "3,14,15", "--max-new", "6").out());
    CliTest g = CliTest.run("generate", renamedOnnx.toString(), "--tokens", "3,14,15", "--max-new", "6", "--decoder-names", names);
    assertEquals(0, g.exitCode(), g.err());
    assertEquals(expected, lastLine(g.out()));
    // without the names it is no decoder, and an input no role names is refused
    CliTest.run("generate", renamedOnnx.toString(), "--tokens", "1").assertOneLineError(4, "has no input 'input_ids'", "--decoder-names");
    CliTest.run("generate", renamedOnnx.toString(), "--tokens", "1", "--decoder-names", "input_ids=tokens,logits=scores")
        .assertOneLineError(4, "input 'mask'", "is no decoder input");
  }

  @Test
  void decoderFlagsRefuseBadValuesInOneLine() {
    String x = xml.toString();
    String o = onnx.toString();
    CliTest.run("verify", x, o, "--decode-steps", "-1").assertOneLineError(2, "--decode-steps", "at least 0");
    CliTest.run("verify", x, o, "--prompt-length", "0").assertOneLineError(2, "--prompt-length", "at least 1");
    CliTest.run("verify", x, o, "--prompt-tokens", "1,,2").assertOneLineError(2, "--prompt-tokens", "'' is no token id");
    CliTest.run("verify", x, o, "--prompt-tokens", "70").assertOneLineError(2, "--prompt-tokens", "token id 70 is outside the vocabulary");
    CliTest.run("verify", x, o, "--prompt-tokens", "1", "--prompt-length", "3").assertOneLineError(2, "--prompt-tokens or --prompt-length");
    CliTest.run("verify", x, o, "--steps", "2", "--decode-steps", "3").assertOneLineError(2, "--steps", "cannot be combined");
    CliTest.run("verify", x, o, "--no-decoder", "--prompt-length", "3").assertOneLineError(2, "--no-decoder", "cannot be combined");
    CliTest.run("verify", x, o, "--decoder-names", "logits").assertOneLineError(2, "--decoder-names", "ROLE=NAME");
    CliTest.run("verify", x, o, "--decoder-names", "logits=scores").assertOneLineError(2, "has no output 'scores'");
    CliTest.run("verify", x, o, "--decode-steps", "2", "--input-data", CliTest.fixture("stateful.xml").toString())
        .assertOneLineError(2, "--input-data does not apply to a decoder");
    CliTest.run("verify", CliTest.fixture("stateful.xml").toString(), o, "--decode-steps", "2")
        .assertOneLineError(4, "has no input 'input_ids', so it is no decoder");
    CliTest.run("compare", x, "--devices", "CPU,CPU", "--decode-steps", "x").assertOneLineError(2, "--decode-steps");
  }

  @Test
  void compareRunsTheDecoderOnEachDevice() throws Exception {
    Path json = dir.resolve("c.json");
    CliTest r = CliTest.run("compare", xml.toString(), "--devices", "CPU,CPU", "--prompt-tokens", "3,14,15", "--decode-steps", "3",
        "--report", json.toString());
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("decode 3/logits") && !r.out().contains("decode 4/"), r.out());
    assertTrue(r.out().contains("Greedy tokens: identical over a prefill of 3 tokens and 3 decode steps"), r.out());
    String generated = lastLine(CliTest.run("generate", xml.toString(), "--tokens", "3,14,15", "--max-new", "4").out());
    assertTrue(r.out().contains("Tokens (OpenVINO CPU): " + generated), r.out());
    assertTrue(Files.readString(json).contains("\"expected_tokens\""), Files.readString(json));
  }

  @Test
  void generateExplainsItself() {
    CliTest r = CliTest.run("generate", "--help");
    assertEquals(0, r.exitCode(), r.err());
    for (String flag : new String[] {"--tokens", "--max-new", "--eos", "--decoder-names", "Exit codes:"}) {
      assertTrue(r.out().contains(flag), flag + " in " + r.out());
    }
    CliTest v = CliTest.run("verify", "--help");
    for (String flag : new String[] {"--decode-steps", "--prompt-tokens", "--prompt-length", "--decoder-names", "--no-decoder"}) {
      assertTrue(v.out().contains(flag), flag + " in " + v.out());
    }
  }
}
