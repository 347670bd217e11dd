package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** The scale-aware verdict and the attribution, on the sample CNN and on planted errors. */
class VerifyAttributionTest {
  static final Path SAMPLE = Path.of("samples/sample-cnn.xml");

  @TempDir Path dir;

  Path converted() throws Exception {
    Path out = dir.resolve("sample.onnx");
    new Converter().convert(SAMPLE, out, ConvertOptions.defaults());
    return out;
  }

  @Test
  void aCorrectConversionPassesAndIsAttributedToNothing() throws Exception {
    VerifyReport r = Verifier.verify(SAMPLE, converted(), VerifyOptions.defaults());
    assertTrue(r.passed(), r.toConsole());
    assertEquals(Attribution.Kind.NO_DIFFERENCE, r.attribution().kind(), r.toConsole());
    OutputMetrics m = r.outputs().get(0);
    assertEquals(1e-3, m.tolerance().scaleTol());
    assertTrue(m.scale() > 0 && m.maxScaledError() < 1e-4, r.toConsole());
    assertTrue(r.toConsole().contains("Tolerance: |diff| <= 0.0001 + 0.001*|expected| or |diff| <= 0.001*scale"), r.toConsole());
    assertTrue(r.toJson().contains("\"kind\": \"no_difference\""), r.toJson());
    assertTrue(r.toMarkdown().contains("Attribution: **no difference**"), r.toMarkdown());
  }

  /** One weight scaled by 1.5, in each weighted layer: fails, and is a conversion error. */
  @ParameterizedTest
  @ValueSource(strings = {"conv1/weights", "dwconv/weights", "pwconv/weights", "fc/weights"})
  void oneWeightScaledByOneAndAHalfFailsAsAConversionError(String weights) throws Exception {
    Path planted = plant(converted(), weights, 1.5f);
    VerifyReport r = Verifier.verify(SAMPLE, planted, VerifyOptions.defaults());
    System.out.println(weights + ": " + r.toConsole());
    assertFalse(r.passed(), r.toConsole());
    assertEquals(Attribution.Kind.CONVERSION_ERROR, r.attribution().kind(), r.toConsole());
    assertTrue(r.toConsole().contains("Attribution: conversion error"), r.toConsole());
  }

  /**
   * A long dot product (MatMul over 1,024 terms, then Tanh) that ONNX Runtime and OpenVINO sum in
   * a different order: checked exactly (atol = rtol = 0), ONNX Runtime's result differs in the last
   * bits, while OpenVINO running the converted ONNX uses the same kernels as for the IR and agrees.
   */
  @Test
  void lastBitDifferencesOfOnnxRuntimeAreARuntimeDifference() throws Exception {
    IrBuilder ir = new IrBuilder("dot");
    String x = ir.parameter("x", ElementType.F32, "4,1024");
    double[] w = new double[1024 * 64];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextGaussian() / 32;
    }
    String weights = ir.constant("w", ElementType.F32, new long[] {1024, 64}, w);
    String y = ir.op("MatMul", 1, Map.of("transpose_a", "false", "transpose_b", "false"), x, weights);
    ir.result(ir.namedOp("tanh", "Tanh", 1, Map.of(), 1, y).get(0));
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("dot.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    VerifyReport exact = Verifier.verify(xml, onnx, VerifyOptions.defaults().withTolerances(Map.of("", 0.0), Map.of("", 0.0)));
    assertFalse(exact.passed(), exact.toConsole());
    assertEquals(Attribution.Kind.RUNTIME_DIFFERENCE, exact.attribution().kind(), exact.toConsole());
    assertTrue(exact.toConsole().contains("only ONNX Runtime differs"), exact.toConsole());
    // and the default, scale-aware verdict passes it
    VerifyReport byDefault = Verifier.verify(xml, onnx, VerifyOptions.defaults());
    assertTrue(byDefault.passed(), byDefault.toConsole());
    assertEquals(Attribution.Kind.NO_DIFFERENCE, byDefault.attribution().kind(), byDefault.toConsole());
  }

  /**
   * Scales the largest-magnitude element of initializer {@code name} by {@code factor}, in a copy.
   */
  static Path plant(Path onnx, String name, float factor) throws Exception {
    ModelProto.Builder b = ModelProto.parseFrom(Files.readAllBytes(onnx)).toBuilder();
    boolean found = false;
    for (TensorProto.Builder t : b.getGraphBuilder().getInitializerBuilderList()) {
      if (t.getName().equals(name)) {
        ByteBuffer data = ByteBuffer.allocate(t.getRawData().size()).order(ByteOrder.LITTLE_ENDIAN);
        data.put(t.getRawData().asReadOnlyByteBuffer()).flip();
        int largest = 0;
        for (int i = 0; i < data.limit() / 4; i++) {
          if (Math.abs(data.getFloat(4 * i)) > Math.abs(data.getFloat(4 * largest))) {
            largest = i;
          }
        }
        data.putFloat(4 * largest, data.getFloat(4 * largest) * factor);
        t.setRawData(ByteString.copyFrom(data));
        found = true;
      }
    }
    assertTrue(found, "no initializer " + name);
    Path planted = onnx.resolveSibling("planted.onnx");
    Files.write(planted, b.build().toByteArray());
    return planted;
  }
}
