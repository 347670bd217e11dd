package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GatherTreeConverterTest {
  @TempDir Path dir;

  /**
   * Ids 0..4 with end token 2 (so that early ends occur); random parents; lengths 1 to T (OpenVINO
   * leaves a batch of length 0 unwritten; the converter writes end_token there, as the spec says).
   */
  @ParameterizedTest
  @CsvSource({"i32, 6, 3, 4", "f32, 5, 2, 3", "i64, 1, 2, 2"})
  void backtracks(String type, int steps, int batch, int beams) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("gathertree");
    String shape = steps + "," + batch + "," + beams;
    String ids = ir.parameter("ids", t, shape);
    String parents = ir.parameter("parents", t, shape);
    String lengths = ir.parameter("lengths", t, Integer.toString(batch));
    String roundedIds = t == ElementType.F32 ? ir.op("Floor", 1, Map.of(), ids) : ids;
    String roundedParents = t == ElementType.F32 ? ir.op("Floor", 1, Map.of(), parents) : parents;
    String roundedLengths = t == ElementType.F32 ? ir.op("Floor", 1, Map.of(), lengths) : lengths;
    ir.result(ir.op("GatherTree", 1, Map.of(), roundedIds, roundedParents, roundedLengths, ir.constant("end", t, new long[0], 2)));
    OpCheck.of(ir, dir).range("ids", 0, 4).range("parents", 0, beams - 0.01).range("lengths", 1, steps + 0.99).run()
        .assertUsesOp("GatherElements");
  }
}
