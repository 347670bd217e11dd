package org.ov2onnx.convert.ops.shape;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class UnsqueezeConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void constantAxes(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("unsqueeze");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    ir.result(ir.op("Unsqueeze", 1, Map.of(), x, ir.ints("axes", 0, -1)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Unsqueeze");
  }

  @Test
  void scalarAxis() throws Exception {
    IrBuilder ir = new IrBuilder("unsqueeze_scalar");
    String x = ir.parameter("x", ElementType.I32, "3,4");
    ir.result(ir.op("Unsqueeze", 1, Map.of(), x, ir.constant("axis", ElementType.I32, new long[0], 1)));
    OpCheck.of(ir, dir).run();
  }
}
