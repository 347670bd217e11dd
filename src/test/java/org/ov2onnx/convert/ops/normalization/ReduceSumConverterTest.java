package org.ov2onnx.convert.ops.normalization;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ReduceSumConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceSum";
  }

  @Override
  int runtimeAxesOpset() {
    return 13;
  }

  @Test
  void int64SumWithInt32Axes() throws Exception {
    IrBuilder ir = new IrBuilder("reducesum_int");
    String x = ir.parameter("x", ElementType.I64, "4,5,2");
    String axes = ir.constant("axes", ElementType.I32, new long[] {2}, 0, 2);
    ir.result(ir.op("ReduceSum", 1, Map.of("keep_dims", "true"), x, axes));
    OpCheck.of(ir, dir).opset(13).run().assertUsesOp("ReduceSum");
  }
}
