package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SwishConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void withoutBeta(int opset) throws Exception {
    OpModels.checkUnary(dir, "Swish", 4, Map.of(), ElementType.F32, -6, 6, opset).assertUsesOp("Sigmoid");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.0, 2.25})
  void withConstantBeta(double beta) throws Exception {
    IrBuilder ir = new IrBuilder("swish_beta");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Swish", 4, Map.of(), x, ir.constant("beta", ElementType.F32, new long[0], beta)));
    OpCheck.of(ir, dir).range("x", -6, 6).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void withBetaAsAModelInput(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("swish_beta_input");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    String beta = ir.parameter("beta", ElementType.F32, "");
    ir.result(ir.op("Swish", 4, Map.of(), x, beta));
    OpCheck.of(ir, dir).range("x", -6, 6).range("beta", 0.1, 3).opset(opset).run();
  }
}
