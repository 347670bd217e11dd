package org.ov2onnx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ov2onnx.convert.ConversionResult;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.testing.OnnxChecker;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.VerifyOptions;
import org.ov2onnx.verify.VerifyReport;

/**
 * End to end on public models (native/models.properties): a CNN from ONNX, a CNN from TFLite and a
 * transformer encoder from ONNX, each taken from a pinned, checksummed PyPI wheel, made into IR by
 * OpenVINO's own save_model, converted by ov2onnx, checked by onnx's full checker, run on ONNX
 * Runtime and compared with OpenVINO CPU in reference mode.
 */
class RealModelsTest {
  @TempDir Path dir;

  static Properties pins() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("native/models.properties"))) {
      p.load(in);
    }
    return p;
  }

  static Stream<String> models() throws IOException {
    return Stream.of(pins().getProperty("models").split(","));
  }

  /** Fetches (once, cached) the model's wheel with native/fetch-wheel.sh; returns the model file. */
  static Path fetch(Properties p, String id) throws Exception {
    String k = "model." + id + ".";
    ProcessBuilder pb = new ProcessBuilder("bash", "native/fetch-wheel.sh", p.getProperty(k + "package"), p.getProperty(k + "version"),
        p.getProperty(k + "wheel"), p.getProperty(k + "wheel.sha256"), p.getProperty(k + "platform"), p.getProperty(k + "python"));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process proc = pb.start();
    String dir = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, proc.waitFor(), "fetching " + id);
    Path file = Path.of(dir, p.getProperty(k + "file"));
    assertTrue(Files.exists(file), file.toString());
    return file;
  }

  /** OpenVINO's Python convert_model with input shapes (the pinned wheel's package), then save_model. */
  static void convertWithOpenVinoPython(Path source, Path ir, String[] inputs) throws Exception {
    ProcessBuilder fetch = new ProcessBuilder("bash", "native/fetch-openvino.sh", "platform-profiles/linux-x86_64.properties");
    fetch.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process f = fetch.start();
    Path cmake = Path.of(new String(f.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    assertEquals(0, f.waitFor(), "finding OpenVINO");
    Path packageRoot = cmake.getParent().getParent(); // <wheel>/openvino/cmake -> <wheel>
    Assumptions.assumeTrue(Files.isDirectory(packageRoot.resolve("openvino")),
        "OpenVINO's Python package is not next to " + cmake + " (a non-wheel installation)");
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("ov2onnx.test.python", "python3"),
        "src/test/python/convert_model.py", source.toString(), ir.toString()));
    cmd.addAll(List.of(inputs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PYTHONPATH", packageRoot.toString());
    Process proc = pb.start();
    String log = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, proc.waitFor(), "convert_model failed: " + log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void convertsChecksRunsAndMatchesOpenVino(String id) throws Exception {
    Properties p = pins();
    String k = "model." + id + ".";
    Path original = fetch(p, id);
    // IR made by OpenVINO's own tools (save_model, or convert_model + save_model), as users make it
    Path ir = dir.resolve(id + ".xml");
    String convertInputs = p.getProperty(k + "convert.inputs");
    if (convertInputs != null) {
      convertWithOpenVinoPython(original, ir, convertInputs.split(" "));
    } else {
      try (Core core = Core.create();
          Model m = core.readModel(original)) {
        m.saveIr(ir, false);
      }
    }
    Path onnx = dir.resolve(id + ".onnx");
    ConversionResult r = new Converter().convert(ir, onnx, ConvertOptions.defaults());
    assertEquals(0, r.customOps());
    assertNull(OnnxChecker.check(onnx), "onnx.checker full check");

    List<InputSpec> feeds = new ArrayList<>();
    Map<String, double[]> ranges = new LinkedHashMap<>();
    for (String input : p.getProperty(k + "inputs").split(",")) {
      String feed = p.getProperty(k + "input." + input + ".feed");
      feeds.add(InputSpec.parse(input + "[" + feed + "]"));
      String range = p.getProperty(k + "input." + input + ".range", "");
      var match = java.util.regex.Pattern.compile("^(-?[0-9.]+)\\.\\.(-?[0-9.]+)").matcher(range);
      if (match.find()) {
        ranges.put(input, new double[] {Double.parseDouble(match.group(1)), Double.parseDouble(match.group(2))});
      }
    }
    VerifyReport report = Verifier.verify(ir, onnx, VerifyOptions.defaults().withInputs(feeds).withRanges(ranges).withLayerwise(true));
    assertTrue(report.passed(), report.toConsole());
    assertTrue(report.layerwise().compared() > 10, "layer-wise compared " + report.layerwise().compared());
  }
}
