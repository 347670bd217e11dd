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

class GatherConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8})
  void alongAnAxis(int version) throws Exception {
    IrBuilder ir = new IrBuilder("gather");
    String x = ir.parameter("x", ElementType.F32, "3,5,4");
    String idx = ir.parameter("idx", ElementType.I32, "2,3");
    Map<String, String> attrs = version == 1 ? Map.of() : Map.of("batch_dims", "0");
    ir.result(ir.op("Gather", version, attrs, x, idx, ir.constant("axis", ElementType.I64, new long[0], -2)));
    OpCheck.of(ir, dir).range("idx", 0, 4).run().assertUsesOp("Gather");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v8NegativeIndices(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("gather_neg");
    String x = ir.parameter("x", ElementType.F32, "3,5");
    String idx = ir.parameter("idx", ElementType.I64, "4");
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "0"), x, idx, ir.constant("axis", ElementType.I32, new long[0], 1)));
    OpCheck.of(ir, dir).range("idx", -5, 4).opset(opset).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 8})
  void batchDimsOnTheGatheredAxis(int version) throws Exception {
    IrBuilder ir = new IrBuilder("gather_batch");
    String x = ir.parameter("x", ElementType.F32, "2,5,3");
    String idx = ir.parameter("idx", ElementType.I64, "2,4");
    ir.result(ir.op("Gather", version, Map.of("batch_dims", "1"), x, idx, ir.constant("axis", ElementType.I64, new long[0], 1)));
    OpCheck.of(ir, dir).range("idx", 0, 4).run().assertUsesOp("GatherND");
  }

  @Test
  void batchDimsBeforeALaterAxis() throws Exception {
    IrBuilder ir = new IrBuilder("gather_batch_later");
    String x = ir.parameter("x", ElementType.F32, "2,3,6,4");
    String idx = ir.parameter("idx", ElementType.I32, "2,3,5");
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "-2"), x, idx, ir.constant("axis", ElementType.I64, new long[0], 3)));
    OpCheck.of(ir, dir).range("idx", -4, 3).run().assertUsesOp("Transpose");
  }

  @Test
  void batchDimsWithAxesBetween() throws Exception {
    IrBuilder ir = new IrBuilder("gather_batch_mid");
    String x = ir.parameter("x", ElementType.F32, "2,3,6,4");
    String idx = ir.parameter("idx", ElementType.I64, "2,5,2");
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "1"), x, idx, ir.constant("axis", ElementType.I64, new long[0], 2)));
    OpCheck.of(ir, dir).range("idx", 0, 5).run();
  }

  @Test
  void refusesADynamicAxis() throws Exception {
    IrBuilder ir = new IrBuilder("gather_dynaxis");
    String x = ir.parameter("x", ElementType.F32, "3,5");
    String idx = ir.parameter("idx", ElementType.I64, "2");
    String axis = ir.parameter("axis", ElementType.I64, "");
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "0"), x, idx, axis));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
