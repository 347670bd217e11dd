package org.ov2onnx.convert.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * MVN → Multiply(constant) → Add(constant) over the normalized axes becomes one LayerNormalization
 * with that scale and bias; anything else keeps its Multiply or Add. Checked against OpenVINO.
 */
class LayerNormalizationFusionTest {
  @TempDir Path dir;

  private static double[] random(long[] shape, long seed) {
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5 + r.nextDouble();
    }
    return v;
  }

  private static long[] shape(String text) {
    if (text.equals("input")) {
      return null;
    }
    String[] parts = text.split(" ");
    long[] s = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      s[i] = Long.parseLong(parts[i]);
    }
    return s;
  }

  /**
   * Input [2,3,4,6]; MVN over {@code axes}; then Multiply by a constant of {@code scaleShape} (or by
   * another input) and Add of a constant of {@code biasShape} (or none); {@code sharedMvn} also
   * makes the MVN's output a model output. Expected: the ONNX op types besides the inputs' own.
   */
  @ParameterizedTest
  @CsvSource({
    "'-1',6,6,false,17,LayerNormalization",
    "'3',1 1 1 6,1 6,false,21,LayerNormalization",
    "'2 3',4 6,4 1,false,17,LayerNormalization",
    "'2 3',6,1,false,17,LayerNormalization",
    "'-1',6,none,false,17,LayerNormalization",
    "'-1',3 1 1,6,false,17,LayerNormalization Mul Add",
    "'-1',6,3 1 6,false,17,LayerNormalization Add",
    "'-1',input,6,false,17,LayerNormalization Mul Add",
    "'-1',6,6,true,17,LayerNormalization Mul Add",
    "'1',6,6,false,17,ReduceMean Sub Mul ReduceMean Add Sqrt Div Mul Add",
    "'-1',6,6,false,13,ReduceMean Sub Mul ReduceMean Add Sqrt Div Mul Add"
  })
  void chains(String axes, String scaleShape, String biasShape, boolean sharedMvn, int opset, String expected)
      throws Exception {
    IrBuilder ir = new IrBuilder("layernorm");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,6");
    String[] axisList = axes.split(" ");
    long[] axisValues = new long[axisList.length];
    for (int i = 0; i < axisList.length; i++) {
      axisValues[i] = Long.parseLong(axisList[i]);
    }
    String mvn = ir.op("MVN", 6, Map.of("eps", "0.001", "eps_mode", "inside_sqrt", "normalize_variance", "true"),
        x, ir.ints("axes", axisValues));
    long[] s = shape(scaleShape);
    String scale = s == null ? ir.parameter("s", ElementType.F32, "6") : ir.constant("scale", ElementType.F32, s, random(s, 1));
    String y = ir.op("Multiply", 1, Map.of("auto_broadcast", "numpy"), mvn, scale);
    if (!biasShape.equals("none")) {
      long[] b = shape(biasShape);
      // the bias first: either input order is fused
      y = ir.op("Add", 1, Map.of("auto_broadcast", "numpy"), ir.constant("bias", ElementType.F32, b, random(b, 2)), y);
    }
    ir.result(y);
    if (sharedMvn) {
      ir.result(mvn);
    }
    var out = OpCheck.of(ir, dir).opset(opset).run();
    assertEquals(List.of(expected.split(" ")), out.opTypes());
  }
}
