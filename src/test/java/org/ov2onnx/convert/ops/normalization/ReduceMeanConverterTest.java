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

  /** A mean over all spatial axes, kept, is GlobalAveragePool; other means stay ReduceMean. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "'2,3,5,7','2 3',true,GlobalAveragePool",
    "'?,3,?,?','-1 -2',true,GlobalAveragePool",
    "'2,3,5','2',true,GlobalAveragePool",
    "'2,3,5,7','2 3',false,ReduceMean",
    "'2,3,5,7','3',true,ReduceMean",
    "'2,3,5,7','1 2 3',true,ReduceMean"
  })
  void globalAverage(String shape, String axes, boolean keepDims, String expected) throws Exception {
    IrBuilder ir = new IrBuilder("reducemean_global");
    String x = ir.parameter("x", ElementType.F32, shape);
    String[] parts = axes.split(" ");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Long.parseLong(parts[i]);
    }
    ir.result(ir.op("ReduceMean", 1, Map.of("keep_dims", Boolean.toString(keepDims)), x, ir.ints("axes", values)));
    OpCheck check = OpCheck.of(ir, dir);
    if (shape.contains("?")) {
      check.shape("x", 2, 3, 5, 7);
    }
    check.run().assertUsesOp(expected);
  }
}
