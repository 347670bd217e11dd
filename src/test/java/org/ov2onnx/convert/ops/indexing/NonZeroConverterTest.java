package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class NonZeroConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64"})
  void outputType(String type) throws Exception {
    IrBuilder ir = new IrBuilder("nonzero");
    String x = ir.parameter("x", ElementType.I32, "3,4");
    ir.result(ir.op("NonZero", 3, Map.of("output_type", type), x));
    OpCheck.of(ir, dir).range("x", -1, 1).run().assertUsesOp("NonZero");
  }

  @Test
  void floats() throws Exception {
    IrBuilder ir = new IrBuilder("nonzero_f");
    String x = ir.constant("x", ElementType.F32, new long[] {2, 2, 3}, 0, 1.5, 0, -2, 0, 0, 3, 0, 0.25, 0, 0, 7);
    ir.result(ir.op("NonZero", 3, Map.of("output_type", "i64"), x));
    OpCheck.of(ir, dir).run();
  }
}
