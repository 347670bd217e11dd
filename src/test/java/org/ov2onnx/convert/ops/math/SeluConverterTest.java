package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SeluConverterTest {
  @TempDir Path dir;

  /** OpenVINO's CPU plugin runs Selu only with constant alpha and lambda. */
  private static IrBuilder selu(ElementType t, String shape) {
    IrBuilder ir = new IrBuilder("selu");
    String x = ir.parameter("x", t, shape);
    String alpha = ir.constant("alpha", t, new long[] {1}, 1.6732632);
    String lambda = ir.constant("lambda", t, new long[] {1}, 1.0507010);
    ir.result(ir.op("Selu", 1, Map.of(), x, alpha, lambda));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"f32", "f16"})
  void constantParametersBecomeOnnxSelu(String type) throws Exception {
    OpCheck.of(selu(ElementType.fromOvName(type), "2,3,4"), dir).run().assertUsesOp("Selu");
  }

  /** The formula; OpenVINO's CPU plugin computes f64 in f32, hence the tolerance. */
  @ParameterizedTest
  @ValueSource(strings = {"", "7"})
  void f64IsTheFormula(String shape) throws Exception {
    OpCheck.of(selu(ElementType.F64, shape), dir).tolerance(1e-6, 1e-6).run().assertNoOp("Selu").assertUsesOp("Where");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void bf16ComputesInF32(int opset) throws Exception {
    OpCheck.of(selu(ElementType.BF16, "3,4"), dir).opset(opset).run().assertUsesOp("Where");
  }
}
