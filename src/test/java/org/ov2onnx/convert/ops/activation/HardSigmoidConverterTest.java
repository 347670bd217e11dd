package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class HardSigmoidConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0.2,0.5,13", "0.1666667,0.5,21", "1.5,-0.25,17"})
  void constantAlphaAndBeta(double alpha, double beta, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("hard_sigmoid");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    String a = ir.constant("alpha", ElementType.F32, new long[0], alpha);
    String b = ir.constant("beta", ElementType.F32, new long[0], beta);
    ir.result(ir.op("HardSigmoid", 1, Map.of(), x, a, b));
    OpCheck.of(ir, dir).range("x", -5, 5).opset(opset).run().assertUsesOp("HardSigmoid");
  }

  @Test
  void refusesAlphaThatIsNotAConstant() throws Exception {
    IrBuilder ir = new IrBuilder("hard_sigmoid_input");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String a = ir.parameter("alpha", ElementType.F32, "");
    String b = ir.constant("beta", ElementType.F32, new long[0], 0.5);
    ir.result(ir.op("HardSigmoid", 1, Map.of(), x, a, b));
    OpModels.assertRefused(ir, dir, 17, "constant");
  }
}
