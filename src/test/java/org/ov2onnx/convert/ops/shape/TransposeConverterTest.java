package org.ov2onnx.convert.ops.shape;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class TransposeConverterTest {
  @TempDir Path dir;

  @Test
  void constantOrder() throws Exception {
    IrBuilder ir = new IrBuilder("transpose");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Transpose", 1, Map.of(), x, ir.ints("order", 1, 2, 0)));
    OpCheck.of(ir, dir).run().assertUsesOp("Transpose");
  }

  @Test
  void emptyOrderReversesTheAxes() throws Exception {
    IrBuilder ir = new IrBuilder("transpose_empty");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    // OpenVINO cannot map an empty weights file: a second, non-empty constant (an output) fills it
    ir.result(ir.ints("other", 0));
    ir.result(ir.op("Transpose", 1, Map.of(), x, ir.constant("order", ElementType.I64, new long[] {0})));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void refusesADynamicOrder() throws Exception {
    IrBuilder ir = new IrBuilder("transpose_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String order = ir.parameter("order", ElementType.I64, "2");
    ir.result(ir.op("Transpose", 1, Map.of(), x, order));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
