package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class BucketizeConverterTest {
  @TempDir Path dir;

  /** Integer-valued data hit the boundaries exactly, so both bound rules are exercised. */
  @ParameterizedTest
  @CsvSource({"true, i64, f32, f32", "false, i32, f32, f32", "true, i32, i32, i32", "false, i64, i32, f32", "true, i32, f16, f16"})
  void bounds(boolean rightBound, String outputType, String dataType, String bucketType) throws Exception {
    IrBuilder ir = new IrBuilder("bucketize");
    String x = ir.parameter("x", ElementType.fromOvName(dataType), "3,7");
    String buckets = ir.constant("buckets", ElementType.fromOvName(bucketType), new long[] {5}, -4, -1, 0, 2, 5);
    ir.result(ir.op("Bucketize", 3, Map.of("output_type", outputType, "with_right_bound", Boolean.toString(rightBound)), x, buckets));
    OpCheck.of(ir, dir).range("x", -6, 6).run().assertUsesOp("ReduceSum");
  }
}
