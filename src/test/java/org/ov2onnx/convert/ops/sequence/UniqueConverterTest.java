package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * Unique's outputs have data-dependent sizes; both sides order them the same way (ascending, or
 * by first occurrence), so they are compared element by element, all four outputs.
 */
class UniqueConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"true, f32, -1, i64, i64", "false, f32, -1, i32, i64", "true, i64, 0, i64, i32", "false, i64, 1, i32, i32",
      "true, f32, 1, i64, i64"})
  void unique(boolean sorted, String type, int axis, String indexType, String countType) throws Exception {
    IrBuilder ir = new IrBuilder("unique");
    String x = ir.parameter("x", ElementType.fromOvName(type), "4,3");
    String base = ir.op("Floor", 1, Map.of(), ir.op("Convert", 1, Map.of("destination_type", "f32"), x));
    String data = ir.op("Convert", 1, Map.of("destination_type", type), base);
    Map<String, String> attrs = Map.of("sorted", Boolean.toString(sorted), "index_element_type", indexType, "count_element_type", countType);
    List<String> out = axis < 0 ? ir.op("Unique", 10, attrs, 4, data) : ir.op("Unique", 10, attrs, 4, data, ir.constant("axis", ElementType.I64, new long[0], axis));
    out.forEach(ir::result);
    OpCheck.of(ir, dir).range("x", 0, 2).run().assertUsesOp("Unique");
  }
}
