package org.ov2onnx.convert.ops.normalization;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class LogSoftmaxConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0,13", "-1,21", "1,17", "-2,13"})
  void alongOneAxis(int axis, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("logsoftmax");
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    ir.result(ir.op("LogSoftmax", 5, Map.of("axis", Integer.toString(axis)), x));
    OpCheck.of(ir, dir).opset(opset).range("x", -10, 10).run().assertUsesOp("LogSoftmax");
  }
}
