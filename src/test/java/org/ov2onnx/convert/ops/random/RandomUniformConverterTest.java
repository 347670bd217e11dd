package org.ov2onnx.convert.ops.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * Different generators cannot agree value by value, so this compares what the conversion
 * promises: OpenVINO's and ONNX Runtime's outputs have the same shape and type, lie in [min, max)
 * (integers in [min, max - 1]), have the uniform distribution's mean and variance (5000 values:
 * bounds of about 5 standard errors), and are the same on every run with a seed; without one the
 * ONNX node has no seed (ONNX Runtime then picks it; it may repeat across sessions).
 */
class RandomUniformConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32, -2, 3, 5, 7", "f64, 0, 1, 0, 0", "i32, -3, 4, 1, 0", "i64, 10, 20, 0, 9", "f16, -1, 1, 2, 2"})
  void sameDistribution(String type, double min, double max, long globalSeed, long opSeed) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("random");
    ir.result(ir.op("RandomUniform", 8, Map.of("output_type", type, "global_seed", Long.toString(globalSeed), "op_seed",
        Long.toString(opSeed), "alignment", "tensorflow"), ir.ints("shape", 100, 50), ir.constant("min", t, new long[0], min),
        ir.constant("max", t, new long[0], max)));
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("random.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    Tensor first = RandomRuns.onnx(onnx);
    Tensor second = RandomRuns.onnx(onnx);
    Tensor reference = RandomRuns.openVino(xml);
    assertArrayEquals(reference.shape(), first.shape());
    assertEquals(reference.elementType(), first.elementType());
    boolean integer = t == ElementType.I32 || t == ElementType.I64;
    double hi = integer ? max - 1 : max;
    for (Tensor out : new Tensor[] {reference, first}) {
      double[] v = OpCheck.values(out);
      double mean = Arrays.stream(v).average().orElseThrow();
      double variance = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
      double width = integer ? max - min : max - min;
      double expectedVariance = integer ? (width * width - 1) / 12 : width * width / 12;
      assertTrue(Arrays.stream(v).allMatch(x -> x >= min && x <= hi && (!integer || x == Math.floor(x))), "range " + min + ".." + hi);
      assertEquals((min + hi) / 2, mean, 5 * Math.sqrt(expectedVariance / v.length) + 1e-3, "mean");
      assertEquals(expectedVariance, variance, 0.05 * expectedVariance, "variance");
    }
    if (globalSeed != 0 || opSeed != 0) {
      assertArrayEquals(OpCheck.values(first), OpCheck.values(second), "a seeded conversion gives the same values on every run");
    } else {
      assertFalse(onnxHasSeed(onnx), "no seed without OpenVINO seeds");
    }
  }

  private static boolean onnxHasSeed(Path onnx) throws Exception {
    var model = org.ov2onnx.onnx.proto.OnnxProto.ModelProto.parseFrom(java.nio.file.Files.readAllBytes(onnx));
    return model.getGraph().getNodeList().stream().flatMap(n -> n.getAttributeList().stream()).anyMatch(a -> a.getName().equals("seed"));
  }
}
