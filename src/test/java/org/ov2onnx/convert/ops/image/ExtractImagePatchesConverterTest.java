package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ExtractImagePatchesConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"'3,3', '5,5', '1,1', valid, f32", "'2,2', '1,2', '1,1', same_upper, f32", "'3,2', '2,3', '2,1', same_lower, i32",
      "'2,3', '3,2', '1,2', same_upper, i64", "'4,4', '1,1', '2,2', valid, f32"})
  void patches(String sizes, String strides, String rates, String autoPad, String type) throws Exception {
    IrBuilder ir = new IrBuilder("patches");
    String x = ir.parameter("x", ElementType.fromOvName(type), "2,3,9,10");
    ir.result(ir.op("ExtractImagePatches", 3, Map.of("sizes", sizes, "strides", strides, "rates", rates, "auto_pad", autoPad), x));
    OpCheck.of(ir, dir).run().assertUsesOp("Gather");
  }
}
