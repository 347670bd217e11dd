package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format OpenVINO reads, through the same read path: ONNX (with external data), TF frozen
 * graph and SavedModel, TFLite, PaddlePaddle. Fixtures: src/test/python/make_format_fixtures.py.
 */
class FormatsTest {
  static final float[] X23 = {-1.5f, 0, 2, 3.25f, -0.5f, 1};

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("relu_add.onnx", "x", "y", new long[] {2, 3}, X23, new float[] {0, 0.5f, 3, 4.75f, 2, 3.5f}),
        Arguments.of(
            "external/matmul_ext.onnx", "x", "y", new long[] {2, 4},
            new float[] {1, -2, 0.5f, 3, 0, 1, -1, 2},
            new float[] {3.5f, 4.125f, 4.75f, 1.75f, 2.25f, 2.75f}),
        Arguments.of("relu.pb", "x:0", "y:0", new long[] {2, 3}, X23, new float[] {0, 0, 2, 3.25f, 0, 1}),
        Arguments.of("saved_model", "x", "y", new long[] {2, 3}, X23, new float[] {0, 0, 2, 3.25f, 0, 1}),
        Arguments.of("relu.tflite", "x", "y", new long[] {1, 4}, new float[] {-2, -0.25f, 0, 1.5f}, new float[] {0, 0, 0, 1.5f}),
        Arguments.of("paddle/relu_scale.pdmodel", "x", "y", new long[] {2, 3}, X23, new float[] {1, 1, 5, 7.5f, 1, 3}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void readsAndRuns(String file, String input, String output, long[] shape, float[] x, float[] expected)
      throws Exception {
    Path path = Path.of("src/test/resources/formats", file).toAbsolutePath();
    try (Core core = Core.create();
        Model model = core.readModel(path);
        CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
        InferRequest request = compiled.createRequest()) {
      assertEquals(1, model.inputs().size());
      assertEquals(input, model.inputs().get(0).name());
      assertEquals(output, model.outputs().get(0).name());
      request.setInput(0, Tensor.ofFloats(shape, x));
      request.infer();
      float[] y = new float[expected.length];
      request.output(0).asFloats().get(y);
      assertArrayEquals(expected, y, 1e-6f);
    }
  }

  /** Whatever graph OpenVINO builds from each format converts, checks and matches. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void convertsFromEveryFormat(String file, String input, String output, long[] shape, float[] x, float[] expected,
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path path = Path.of("src/test/resources/formats", file).toAbsolutePath();
    Path onnx = dir.resolve("converted.onnx");
    new org.ov2onnx.convert.Converter().convert(path, onnx, org.ov2onnx.convert.ConvertOptions.defaults());
    org.junit.jupiter.api.Assertions.assertNull(org.ov2onnx.testing.OnnxChecker.check(onnx));
    var report = org.ov2onnx.verify.Verifier.verify(path, onnx, org.ov2onnx.verify.VerifyOptions.defaults());
    org.junit.jupiter.api.Assertions.assertTrue(report.passed(), report.toConsole());
    assertEquals(input, report.inputs().get(0).name());
  }

  /** IR v10 (the format older OpenVINO releases wrote) reads and converts like v11. */
  @org.junit.jupiter.api.Test
  void irVersion10(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    var ir = new org.ov2onnx.testing.IrBuilder("v10").irVersion(10);
    String x = ir.parameter("x", ElementType.F32, "2,3");
    ir.result(ir.op("Elu", 1, java.util.Map.of("alpha", "0.5"), x));
    Path xml = ir.write(dir);
    org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.readString(xml).contains("version=\"10\""));
    org.ov2onnx.testing.OpCheck.model(xml, dir).run().assertUsesOp("Elu");
  }
}
