package org.ov2onnx.convert.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** Inputs in [-0.5, 0.5) and eps 0.5 make add and max give different results. */
class NormalizeL2ConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(String epsMode, String axes) {
    IrBuilder ir = new IrBuilder("normalizel2");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    String a;
    if (axes.equals("runtime")) {
      a = ir.parameter("axes", ElementType.I64, "1");
    } else if (axes.isEmpty()) {
      ir.result(ir.constant("filler", ElementType.F32, new long[] {1}, 1)); // OpenVINO needs a non-empty .bin
      a = ir.constant("axes", ElementType.I64, new long[] {0});
    } else {
      a = ir.ints("axes", java.util.Arrays.stream(axes.split(" ")).mapToLong(Long::parseLong).toArray());
    }
    ir.result(ir.op("NormalizeL2", 1, Map.of("eps", "0.5", "eps_mode", epsMode), x, a));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"add,1,13", "max,1,13", "add,1 2,21", "max,-1 0,21", "max,0 1 2,17", "add,2,18"})
  void alongAxes(String epsMode, String axes, int opset) throws Exception {
    OpCheck.of(model(epsMode, axes), dir).opset(opset).range("x", -0.5, 0.5).run().assertUsesOp("ReduceSum");
  }

  /** With no axes OpenVINO divides each element by itself: 1, or 0 for a zero. */
  @ParameterizedTest
  @CsvSource({"add", "max"})
  void emptyAxes(String epsMode) throws Exception {
    OpCheck.of(model(epsMode, ""), dir).range("x", -2, 2).run().assertNoOp("ReduceSum");
  }

  @Test
  void refusesRuntimeAxes() throws Exception {
    IrBuilder ir = model("add", "runtime");
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(21).run());
    assertTrue(e.getMessage().contains("constant"), e.getMessage());
  }
}
