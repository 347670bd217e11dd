package org.ov2onnx.convert.ops.quantization;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class FakeConvertConverterTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1} shift={2} opset {3}")
  @CsvSource({"f8e4m3, f32, true, 19", "f8e4m3, f32, false, 21", "f8e5m2, f32, true, 19", "f8e4m3, f16, true, 21",
      "f8e5m2, f16, false, 19"})
  void fp8Emulation(String destination, String type, boolean shift, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("fake_convert_" + destination + type + shift + opset);
    String x = ir.parameter("x", t, "2,3,8");
    String scale = ir.constant("scale", t, new long[] {1, 3, 1}, 4.0, 0.5, 64.0);
    Map<String, String> attrs = Map.of("destination_type", destination);
    ir.result(shift
        ? ir.op("FakeConvert", 13, attrs, x, scale, ir.constant("shift", t, new long[] {1, 3, 1}, 0.25, -1.0, 2.0))
        : ir.op("FakeConvert", 13, attrs, x, scale));
    OpCheck.of(ir, dir).opset(opset).range("x", -12, 12).tolerance(0, 0).run().assertUsesOp("Cast");
  }
}
