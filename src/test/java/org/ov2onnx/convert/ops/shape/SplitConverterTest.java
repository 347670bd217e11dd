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

class SplitConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 17, 18, 21})
  void splitsEquallyAtEveryOpset(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("split");
    String x = ir.parameter("x", ElementType.F32, "2,6,4");
    List<String> parts = ir.op("Split", 1, Map.of("num_splits", "3"), 3, x, ir.constant("axis", ElementType.I64, new long[0], 1));
    parts.forEach(ir::result);
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Split");
  }

  @Test
  void negativeAxisAndAnUnusedOutput() throws Exception {
    IrBuilder ir = new IrBuilder("split_neg");
    String x = ir.parameter("x", ElementType.I32, "2,6,4");
    List<String> parts = ir.op("Split", 1, Map.of("num_splits", "2"), 2, x, ir.constant("axis", ElementType.I32, new long[0], -1));
    ir.result(parts.get(1));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void refusesADynamicAxis() throws Exception {
    IrBuilder ir = new IrBuilder("split_dynaxis");
    String x = ir.parameter("x", ElementType.F32, "2,6");
    String axis = ir.parameter("axis", ElementType.I64, "");
    ir.op("Split", 1, Map.of("num_splits", "2"), 2, x, axis).forEach(ir::result);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
