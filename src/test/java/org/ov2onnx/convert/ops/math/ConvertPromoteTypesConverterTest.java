package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ConvertPromoteTypesConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"i32, i64, false, false", "i32, f16, true, false", "u8, i8, true, false", "f32, f64, false, false",
      "boolean, f32, true, false", "i64, f32, true, true"})
  void promotes(String a, String b, boolean unsafe, boolean scalar) throws Exception {
    IrBuilder ir = new IrBuilder("promote");
    String x = ir.parameter("a", ElementType.fromOvName(a), "2,3");
    String y = ir.parameter("b", ElementType.fromOvName(b), scalar ? "" : "3");
    var out = ir.op("ConvertPromoteTypes", 14, Map.of("promote_unsafe", Boolean.toString(unsafe),
        "pytorch_scalar_promotion", Boolean.toString(scalar), "u64_integer_promotion_target", "f32"), 2, x, y);
    out.forEach(ir::result);
    OpCheck.of(ir, dir).run();
  }
}
