package org.ov2onnx.convert.ops.normalization;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SoftmaxConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"1,0,13", "1,1,17", "1,3,21", "8,-1,13", "8,-3,21", "8,2,17"})
  void alongOneAxis(int version, int axis, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("softmax");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    ir.result(ir.op("Softmax", version, Map.of("axis", Integer.toString(axis)), x));
    OpCheck.of(ir, dir).opset(opset).range("x", -10, 10).run().assertUsesOp("Softmax");
  }
}
