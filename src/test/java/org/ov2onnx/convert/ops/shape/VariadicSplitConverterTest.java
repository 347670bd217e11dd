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
import java.util.List;

class VariadicSplitConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void explicitLengths(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("vsplit");
    String x = ir.parameter("x", ElementType.F32, "2,7,3");
    List<String> parts = ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I64, new long[0], 1),
        ir.ints("lengths", 2, 0, 5));
    parts.forEach(ir::result);
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Split");
  }

  @Test
  void minusOneTakesTheRestOfAStaticDimension() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_rest");
    String x = ir.parameter("x", ElementType.F32, "2,7,3");
    ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I32, new long[0], -2),
        ir.constant("lengths", ElementType.I32, new long[] {3}, 1, -1, 2)).forEach(ir::result);
    OpCheck.of(ir, dir).run();
  }

  @Test
  void minusOneTakesTheRestOfADynamicDimension() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I64, new long[0], 1),
        ir.ints("lengths", -1, 2, 1)).forEach(ir::result);
    OpCheck.of(ir, dir).shape("x", 2, 9).opset(13).run();
  }

  @Test
  void refusesDynamicLengths() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_dynlen");
    String x = ir.parameter("x", ElementType.F32, "2,6");
    String lengths = ir.parameter("lengths", ElementType.I64, "2");
    ir.op("VariadicSplit", 1, Map.of(), 2, x, ir.constant("axis", ElementType.I64, new long[0], 1), lengths)
        .forEach(ir::result);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
