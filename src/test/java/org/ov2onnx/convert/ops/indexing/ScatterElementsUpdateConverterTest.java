package org.ov2onnx.convert.ops.indexing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ScatterElementsUpdateConverterTest {
  @TempDir Path dir;

  private static IrBuilder scatter(int version, Map<String, String> attrs, ElementType type) {
    IrBuilder ir = new IrBuilder("scatter_elements");
    String x = ir.parameter("x", type, "3,4");
    String u = ir.parameter("u", type, "2,4");
    // duplicates in a column exercise the reductions
    String idx = ir.constant("idx", ElementType.I64, new long[] {2, 4}, 1, 0, 2, -1, 1, 2, 2, 0);
    ir.result(ir.op("ScatterElementsUpdate", version, attrs, x, idx, u, ir.constant("axis", ElementType.I64, new long[0], 0)));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v3Replaces(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("scatter_elements_v3");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String u = ir.parameter("u", ElementType.F32, "3,2");
    String idx = ir.constant("idx", ElementType.I32, new long[] {3, 2}, 0, 3, 1, 2, -1, 0);
    ir.result(ir.op("ScatterElementsUpdate", 3, Map.of(), x, idx, u, ir.constant("axis", ElementType.I64, new long[0], 1)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("ScatterElements");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sum", "prod", "min", "max", "mean"})
  void reductionsWithInitialValues(String reduction) throws Exception {
    OpCheck.of(scatter(12, Map.of("reduction", reduction, "use_init_val", "true"), ElementType.F32), dir).opset(18).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sum", "prod", "min", "max", "mean"})
  void reductionsWithoutInitialValues(String reduction) throws Exception {
    OpCheck.of(scatter(12, Map.of("reduction", reduction, "use_init_val", "false"), ElementType.F32), dir).opset(21).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "sum", "max"})
  void integerData(String reduction) throws Exception {
    OpCheck.of(scatter(12, Map.of("reduction", reduction, "use_init_val", "false"), ElementType.I32), dir).opset(18).run();
  }

  @Test
  void refusesMinAndMaxBeforeOpset18() throws Exception {
    IrBuilder ir = scatter(12, Map.of("reduction", "max", "use_init_val", "true"), ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(17).run());
  }

  @Test
  void refusesSumBeforeOpset16() throws Exception {
    IrBuilder ir = scatter(12, Map.of("reduction", "sum", "use_init_val", "true"), ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(13).run());
  }

  @Test
  void refusesIntegerMean() throws Exception {
    IrBuilder ir = scatter(12, Map.of("reduction", "mean", "use_init_val", "true"), ElementType.I32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(18).run());
  }
}
