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

class PadConverterTest {
  @TempDir Path dir;

  private static IrBuilder pad(int version, String mode, long[] begin, long[] end, boolean value) {
    IrBuilder ir = new IrBuilder("pad_" + mode);
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    String b = ir.ints("begin", begin);
    String e = ir.ints("end", end);
    ir.result(value
        ? ir.op("Pad", version, Map.of("pad_mode", mode), x, b, e, ir.constant("value", ElementType.F32, new long[0], 2.5))
        : ir.op("Pad", version, Map.of("pad_mode", mode), x, b, e));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"constant", "edge", "reflect", "symmetric"})
  void v1Modes(String mode) throws Exception {
    OpCheck.of(pad(1, mode, new long[] {1, 0, 2}, new long[] {2, 3, 0}, false), dir).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void constantWithAValue(int opset) throws Exception {
    OpCheck.of(pad(12, "constant", new long[] {0, 1, 1}, new long[] {1, 0, 2}, true), dir).opset(opset).run().assertUsesOp("Pad");
  }

  @ParameterizedTest
  @ValueSource(strings = {"constant", "edge", "reflect", "symmetric"})
  void v12NegativePads(String mode) throws Exception {
    OpCheck.of(pad(12, mode, new long[] {-1, 2, -2}, new long[] {1, -3, 0}, false), dir).run();
  }

  @Test
  void symmetricOverTheWholeAxis() throws Exception {
    OpCheck.of(pad(12, "symmetric", new long[] {3, 0, 0}, new long[] {0, 4, 5}, false), dir).run().assertUsesOp("Concat");
  }

  @Test
  void v1DynamicPads() throws Exception {
    IrBuilder ir = new IrBuilder("pad_dyn");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String b = ir.parameter("b", ElementType.I32, "2");
    ir.result(ir.op("Pad", 1, Map.of("pad_mode", "reflect"), x, b, ir.ints("end", 1, 2)));
    OpCheck.of(ir, dir).range("b", 0, 2).run();
  }

  @Test
  void refusesDynamicPadsInV12() throws Exception {
    IrBuilder ir = new IrBuilder("pad_dyn12");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String b = ir.parameter("b", ElementType.I64, "2");
    ir.result(ir.op("Pad", 12, Map.of("pad_mode", "constant"), x, b, ir.ints("end", 1, 2)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
