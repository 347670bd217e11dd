package org.ov2onnx.convert.ops.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
 * Samples cannot match one by one (different generators), so this compares distributions: 2000
 * rows of the same probabilities {0.1, 0.2, 0.3, 0.4}; on both sides the share of each class among
 * the first samples is within 0.05 of its probability (about 4.5 standard errors); without
 * replacement a row never repeats a class. Shapes and types must agree; a seeded model repeats.
 */
class MultinomialConverterTest {
  @TempDir Path dir;

  private static final double[] P = {0.1, 0.2, 0.3, 0.4};

  @ParameterizedTest
  @CsvSource({"true, false, i64, 3, 4", "true, true, i32, 3, 0", "false, false, i32, 3, 1", "false, true, i64, 4, 0"})
  void sameDistribution(boolean replacement, boolean logProbs, String type, int samples, long seed) throws Exception {
    int rows = 2000;
    double[] probs = new double[rows * 4];
    for (int i = 0; i < probs.length; i++) {
      probs[i] = logProbs ? Math.log(P[i % 4]) : P[i % 4];
    }
    IrBuilder ir = new IrBuilder("multinomial");
    ir.result(ir.op("Multinomial", 13, Map.of("convert_type", type, "with_replacement", Boolean.toString(replacement),
        "log_probs", Boolean.toString(logProbs), "global_seed", Long.toString(seed), "op_seed", "0"),
        ir.constant("probs", ElementType.F32, new long[] {rows, 4}, probs), ir.constant("n", ElementType.I64, new long[0], samples)));
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("multinomial.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    Tensor converted = RandomRuns.onnx(onnx);
    Tensor reference = RandomRuns.openVino(xml);
    assertArrayEquals(reference.shape(), converted.shape());
    assertEquals(reference.elementType(), converted.elementType());
    for (Tensor t : new Tensor[] {reference, converted}) {
      double[] v = OpCheck.values(t);
      int[] first = new int[4];
      for (int r = 0; r < rows; r++) {
        first[(int) v[r * samples]]++;
        if (!replacement) {
          long distinct = java.util.Arrays.stream(v, r * samples, (r + 1) * samples).distinct().count();
          assertEquals(samples, distinct, "row " + r + " repeats a class");
        }
      }
      for (int c = 0; c < 4; c++) {
        assertEquals(P[c], first[c] / (double) rows, 0.05, "share of class " + c);
      }
    }
    if (seed != 0) {
      assertArrayEquals(OpCheck.values(converted), OpCheck.values(RandomRuns.onnx(onnx)), "seeded: the same samples on every run");
    }
    assertTrue(converted.shape().length == 2);
  }
}
