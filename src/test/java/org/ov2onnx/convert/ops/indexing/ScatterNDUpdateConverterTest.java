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

class ScatterNDUpdateConverterTest {
  @TempDir Path dir;

  private static IrBuilder scatter(int version, Map<String, String> attrs, ElementType type) {
    IrBuilder ir = new IrBuilder("scatter_nd");
    String x = ir.parameter("x", type, "4,3");
    String u = ir.parameter("u", type, "3,3");
    String idx = ir.constant("idx", ElementType.I32, new long[] {3, 1}, 2, 0, 2);
    ir.result(ir.op("ScatterNDUpdate", version, attrs, x, idx, u));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v3FromOpset4Replaces(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("scatter_nd_v3");
    String x = ir.parameter("x", ElementType.F32, "4,3");
    String u = ir.parameter("u", ElementType.F32, "2");
    ir.result(ir.op("ScatterNDUpdate", 4, Map.of(), x, ir.constant("idx", ElementType.I64, new long[] {2, 2}, 0, 1, 3, 2), u));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("ScatterND");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sum", "sub", "prod", "min", "max"})
  void v15Reductions(String reduction) throws Exception {
    OpCheck.of(scatter(15, Map.of("reduction", reduction), ElementType.F32), dir).opset(18).run();
  }

  @Test
  void v15NoReduction() throws Exception {
    IrBuilder ir = new IrBuilder("scatter_nd_none");
    String x = ir.parameter("x", ElementType.I64, "4,3");
    String u = ir.parameter("u", ElementType.I64, "2,3");
    ir.result(ir.op("ScatterNDUpdate", 15, Map.of("reduction", "none"), x,
        ir.constant("idx", ElementType.I64, new long[] {2, 1}, 3, 1), u));
    OpCheck.of(ir, dir).opset(13).run();
  }

  @Test
  void refusesSubOnUnsignedData() throws Exception {
    IrBuilder ir = scatter(15, Map.of("reduction", "sub"), ElementType.U8);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(18).run());
  }

  @Test
  void refusesProdBeforeOpset16() throws Exception {
    IrBuilder ir = scatter(15, Map.of("reduction", "prod"), ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(15).run());
  }
}
