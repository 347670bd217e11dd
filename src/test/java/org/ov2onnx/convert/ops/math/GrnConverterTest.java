package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GrnConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"'2,5', 0.5", "'2,4,3', 1e-4", "'1,3,4,5', 2"})
  void grn(String shape, String bias) throws Exception {
    IrBuilder ir = new IrBuilder("grn");
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op("GRN", 1, Map.of("bias", bias), x));
    OpCheck.of(ir, dir).run().assertUsesOp("ReduceSum");
  }
}
