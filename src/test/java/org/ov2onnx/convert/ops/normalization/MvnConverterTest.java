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

  /** MVN-1: axes 1.. or 2.., from across_channels or from reduction_axes (in any order). */
  @ParameterizedTest
  @CsvSource({
    "true,true,'',13",
    "false,true,'',21",
    "true,false,'',17",
    "false,false,'',13",
    "false,true,'1,2,3',13",
    "true,true,'2,3',21",
    "false,false,'3,1,2',18"
  })
  void version1(boolean acrossChannels, boolean normalizeVariance, String reductionAxes, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("mvn1");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    ir.result(ir.op("MVN", 2, v1Attributes(acrossChannels, normalizeVariance, reductionAxes), x));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("ReduceMean");
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
    IrBuilder ir = new IrBuilder("mvn6");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
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

  @ParameterizedTest
  @CsvSource({
    "inside_sqrt,true,2 3,13",
    "outside_sqrt,true,2 3,13",
    "INSIDE_SQRT,true,1 2 3,21",
    "OUTSIDE_SQRT,true,-1,21",
    "inside_sqrt,false,-2 -1,17",
    "outside_sqrt,true,0,18"
  })
  void version6(String epsMode, boolean normalizeVariance, String axes, int opset) throws Exception {
    OpCheck.of(version6(epsMode, normalizeVariance, axes), dir).opset(opset).run().assertUsesOp("ReduceMean");
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
