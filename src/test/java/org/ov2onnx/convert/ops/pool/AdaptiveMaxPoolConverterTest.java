package org.ov2onnx.convert.ops.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ov2onnx.convert.ops.pool.AdaptiveAvgPoolConverterTest.longs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class AdaptiveMaxPoolConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(String shape, String out, String type, boolean withIndices) {
    IrBuilder ir = new IrBuilder("adaptive_max");
    String x = ir.parameter("x", ElementType.F32, shape.replace('|', ','));
    List<String> y = ir.op("AdaptiveMaxPool", 8, Map.of("index_element_type", type), 2, x, ir.ints("size", longs(out)));
    ir.result(y.get(0));
    if (withIndices) {
      ir.result(y.get(1));
    }
    return ir;
  }

  // OpenVINO's CPU plugin cannot run AdaptiveMaxPool with i64 indices, so the tests use i32.
  @ParameterizedTest
  @CsvSource({
    "2|3|8, 4, i32, 17",
    "2|3|8|6, 1|1, i32, 13",
    "2|3|8|6, 2|3, i32, 21",
    "1|2|4|6|8, 2|3|2, i32, 17",
  })
  void regularWindowsWithIndices(String shape, String out, String type, int opset) throws Exception {
    OpCheck.of(model(shape, out, type, true), dir).opset(opset).run().assertUsesOp("MaxPool");
  }

  @ParameterizedTest
  @CsvSource({"2|3|7|5, 3|2, 13", "2|3|7|5, 3|2, 21", "1|2|5|6|7, 2|4|3, 17"})
  void irregularWindows(String shape, String out, int opset) throws Exception {
    OpCheck.of(model(shape, out, "i32", false), dir).opset(opset).run().assertUsesOp("ReduceMax");
  }

  @Test
  void indicesOfIrregularWindowsAreRefused() {
    assertThrows(ConversionException.class, () -> OpCheck.of(model("1|2|7|5", "3|2", "i64", true), dir).run());
  }
}
