package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SegmentMaxConverterTest {
  @TempDir Path dir;

  /** Sorted ids 0, 0, 2, 2, 2, 4: segments 1 and 3 (and 5 when there are 6) are empty. */
  @ParameterizedTest
  @CsvSource({"f32, '6,3', zero, 6, 17", "f32, '6,2,2', lowest, 6, 18", "i32, '6', lowest, 0, 13", "i16, '6,2', zero, 0, 17",
      "i64, '6,3', zero, 7, 21"})
  void segments(String type, String shape, String fill, int segments, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("segmentmax");
    String x = ir.parameter("x", ElementType.fromOvName(type), shape);
    String ids = ir.constant("ids", ElementType.I32, new long[] {6}, 0, 0, 2, 2, 2, 4);
    ir.result(segments == 0 ? ir.op("SegmentMax", 16, Map.of("fill_mode", fill), x, ids)
        : ir.op("SegmentMax", 16, Map.of("fill_mode", fill), x, ids, ir.constant("n", ElementType.I64, new long[0], segments)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("ReduceMax");
  }
}
