package org.ov2onnx.convert.ops.normalization;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ReduceMeanConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceMean";
  }

  /** Integer means truncate in both runtimes (negative sums included). */
  @ParameterizedTest
  @ValueSource(ints = {13, 18})
  void integerMeanTruncates(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("reducemean_int");
    String x = ir.parameter("x", ElementType.I32, "3,7");
    ir.result(ir.op("ReduceMean", 1, Map.of("keep_dims", "false"), x, ir.ints("axes", 1)));
    OpCheck.of(ir, dir).opset(opset).range("x", -20, 20).run().assertUsesOp("ReduceMean");
  }
}
