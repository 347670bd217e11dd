package org.ov2onnx.convert.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** A large eps (0.5) tells inside from outside the root. */
class MvnConverterTest {
  @TempDir Path dir;

  private static Map<String, String> v1Attributes(boolean acrossChannels, boolean normalizeVariance, String reductionAxes) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("eps", "0.5");
    a.put("across_channels", Boolean.toString(acrossChannels));
    a.put("normalize_variance", Boolean.toString(normalizeVariance));
    if (!reductionAxes.isEmpty()) {
      a.put("reduction_axes", reductionAxes);
    }
    return a;
  }

  /**
   * MVN-1: axes 1.. or 2.., from across_channels or from reduction_axes (in any order); eps is inside
   * the root, so from opset 17 a variance-normalizing MVN-1 is a LayerNormalization.
   */
  @ParameterizedTest
  @CsvSource({
    "true,true,'',13,ReduceMean",
    "false,true,'',21,LayerNormalization",
    "true,false,'',17,ReduceMean",
    "false,false,'',13,ReduceMean",
    "false,true,'1,2,3',13,ReduceMean",
    "true,true,'2,3',21,LayerNormalization",
    "true,true,'',17,LayerNormalization",
    "false,false,'3,1,2',18,ReduceMean"
  })
  void version1(boolean acrossChannels, boolean normalizeVariance, String reductionAxes, int opset, String op)
      throws Exception {
    IrBuilder ir = new IrBuilder("mvn1");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    ir.result(ir.op("MVN", 2, v1Attributes(acrossChannels, normalizeVariance, reductionAxes), x));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp(op);
  }

  @Test
  void version1NeedsTheRankToResolveAcrossChannels() throws Exception {
    IrBuilder ir = new IrBuilder("mvn1_dynamic");
    String x = ir.parameter("x", ElementType.F32, "...");
    ir.result(ir.op("MVN", 2, v1Attributes(true, true, ""), x));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("static input rank"), e.getMessage());
  }

  /** OpenVINO's CPU plugin would reduce over 2.. here, its reference over the listed axes. */
  @ParameterizedTest
  @CsvSource({"true,'3'", "false,'0,2'", "false,'1'"})
  void version1RefusesOtherAxes(boolean acrossChannels, String reductionAxes) throws Exception {
    IrBuilder ir = new IrBuilder("mvn1_other_axes");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    ir.result(ir.op("MVN", 2, v1Attributes(acrossChannels, true, reductionAxes), x));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("only 1.. or 2.."), e.getMessage());
  }

  private static IrBuilder version6(String epsMode, boolean normalizeVariance, String axes) {
    return version6(epsMode, normalizeVariance, axes, ElementType.F32, "2,3,4,5");
  }

  private static IrBuilder version6(String epsMode, boolean normalizeVariance, String axes, ElementType type, String shape) {
    IrBuilder ir = new IrBuilder("mvn6");
    String x = ir.parameter("x", type, shape);
    String a =
        axes.equals("runtime") ? ir.parameter("axes", ElementType.I64, "2") : ir.ints("axes", parse(axes));
    ir.result(
        ir.op(
            "MVN",
            6,
            Map.of("eps", "0.5", "eps_mode", epsMode, "normalize_variance", Boolean.toString(normalizeVariance)),
            x,
            a));
    return ir;
  }

  private static long[] parse(String axes) {
    String[] parts = axes.split(" ");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Long.parseLong(parts[i]);
    }
    return values;
  }

  /**
   * LayerNormalization (opset 17+) computes eps inside the root over trailing axes: only such MVNs
   * use it; eps outside the root, other axes or no variance normalization stay decomposed.
   */
  @ParameterizedTest
  @CsvSource({
    "inside_sqrt,true,2 3,13,ReduceMean",
    "outside_sqrt,true,2 3,13,ReduceMean",
    "INSIDE_SQRT,true,1 2 3,21,LayerNormalization",
    "inside_sqrt,true,-1,17,LayerNormalization",
    "inside_sqrt,true,-1 2 3,17,LayerNormalization",
    "inside_sqrt,true,0 1 2 3,17,LayerNormalization",
    "inside_sqrt,true,1 3,17,ReduceMean",
    "inside_sqrt,true,0,17,ReduceMean",
    "OUTSIDE_SQRT,true,-1,21,ReduceMean",
    "inside_sqrt,false,-2 -1,17,ReduceMean",
    "outside_sqrt,true,0,18,ReduceMean"
  })
  void version6(String epsMode, boolean normalizeVariance, String axes, int opset, String op) throws Exception {
    OpCheck.of(version6(epsMode, normalizeVariance, axes), dir).opset(opset).run().assertUsesOp(op);
  }

  @Test
  void version6LayerNormalizationInHalfPrecision() throws Exception {
    OpCheck.of(version6("inside_sqrt", true, "-1", ElementType.F16, "2,3,4,8"), dir)
        .opset(17)
        .tolerance(2e-2, 2e-2)
        .run()
        .assertUsesOp("LayerNormalization");
  }

  /** The scale of ones needs the normalized sizes: a dynamic one keeps the decomposition. */
  @Test
  void version6DynamicNormalizedSizeStaysDecomposed() throws Exception {
    OpCheck.of(version6("inside_sqrt", true, "-1", ElementType.F32, "2,3,4,?"), dir)
        .opset(17)
        .shape("x", 2, 3, 4, 5)
        .run()
        .assertUsesOp("ReduceMean");
  }

  @Test
  void version6RuntimeAxesFromOpset18() throws Exception {
    OpCheck.of(version6("outside_sqrt", true, "runtime"), dir)
        .opset(18)
        .input("axes", ReductionTestBase.int64s(1, -1))
        .run();
  }

  @Test
  void version6RuntimeAxesRefusedBeforeOpset18() throws Exception {
    IrBuilder ir = version6("inside_sqrt", true, "runtime");
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(17).run());
    assertTrue(e.getMessage().contains("run-time axes"), e.getMessage());
  }
}
