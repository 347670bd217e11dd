package org.ov2onnx.convert.ops.shape;

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

class ReshapeConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 17, 21})
  void specialZeroCopiesDimensions(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("reshape_sz");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Reshape", 1, Map.of("special_zero", "true"), x, ir.ints("shape", 0, -1)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Reshape");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void withoutSpecialZeroAndMinusOne(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("reshape_plain");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Reshape", 1, Map.of("special_zero", "false"), x,
        ir.constant("shape", ElementType.I32, new long[] {3}, 4, -1, 2)));
    OpCheck.of(ir, dir).opset(opset).run();
  }

  @Test
  void zeroLengthDimensionWithoutSpecialZero() throws Exception {
    IrBuilder ir = new IrBuilder("reshape_zero");
    String x = ir.parameter("x", ElementType.F32, "2,0,4");
    ir.result(ir.op("Reshape", 1, Map.of("special_zero", "false"), x, ir.ints("shape", 4, 0, 2)));
    OpCheck.of(ir, dir).opset(14).run();
  }

  @Test
  void dynamicTargetShape() throws Exception {
    IrBuilder ir = new IrBuilder("reshape_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    String y = ir.parameter("y", ElementType.F32, "6,4");
    String shape = ir.op("ShapeOf", 3, Map.of("output_type", "i32"), y);
    ir.result(ir.op("Reshape", 1, Map.of("special_zero", "false"), x, shape));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void refusesLiteralZeroAtOpset13() throws Exception {
    IrBuilder ir = new IrBuilder("reshape_zero13");
    String x = ir.parameter("x", ElementType.F32, "2,0,4");
    ir.result(ir.op("Reshape", 1, Map.of("special_zero", "false"), x, ir.ints("shape", 4, 0, 2)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(13).run());
  }
}
