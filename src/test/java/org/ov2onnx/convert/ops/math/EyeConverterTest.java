package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class EyeConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"3, 3, 0, f32", "3, 5, 2, i32", "4, 2, -1, i64", "2, 3, 7, boolean", "5, 4, -3, f16"})
  void constantSizes(int rows, int columns, int diagonal, String type) throws Exception {
    IrBuilder ir = new IrBuilder("eye");
    ir.result(ir.op("Eye", 9, Map.of("output_type", type), ir.constant("rows", ElementType.I32, new long[0], rows),
        ir.constant("columns", ElementType.I64, new long[] {1}, columns), ir.constant("diagonal", ElementType.I32, new long[0], diagonal)));
    OpCheck.of(ir, dir).run().assertUsesOp("Equal");
  }

  @Test
  void runtimeSizesWithABatchShape() throws Exception {
    IrBuilder ir = new IrBuilder("eye_batch");
    String rows = ir.parameter("rows", ElementType.I64, "");
    String diagonal = ir.parameter("diagonal", ElementType.I64, "1");
    ir.result(ir.op("Eye", 9, Map.of("output_type", "f32"), rows, ir.constant("columns", ElementType.I64, new long[0], 4),
        diagonal, ir.ints("batch", 2, 3)));
    OpCheck.of(ir, dir).range("rows", 1, 5).range("diagonal", -4, 4).run().assertUsesOp("Expand");
  }
}
