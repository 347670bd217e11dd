package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** The outputs' sizes depend on the data; OpenVINO orders them by row, so they compare element by element. */
class SparseFillEmptyRowsConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"i64, f32, 6", "i32, i32, 3", "i64, f32, 2"})
  void fills(String indexType, String valueType, int rows) throws Exception {
    ElementType it = ElementType.fromOvName(indexType);
    ElementType vt = ElementType.fromOvName(valueType);
    IrBuilder ir = new IrBuilder("sparse");
    String values = ir.parameter("values", vt, "4");
    String shape = ir.constant("shape", it, new long[] {2}, rows, 5);
    String indices = ir.constant("indices", it, new long[] {4, 2}, 0, 1, 0, 3, 1, 4, 1, 0);
    var out = ir.op("SparseFillEmptyRows", 16, Map.of(), 3, values, shape, indices, ir.constant("default", vt, new long[0], -7));
    out.forEach(ir::result);
    OpCheck.of(ir, dir).run().assertUsesOp("TopK");
  }
}
