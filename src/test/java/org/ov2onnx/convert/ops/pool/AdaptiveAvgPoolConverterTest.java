package org.ov2onnx.convert.ops.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class AdaptiveAvgPoolConverterTest {
  @TempDir Path dir;

  static long[] longs(String csv) {
    return java.util.Arrays.stream(csv.split("\\|")).mapToLong(Long::parseLong).toArray();
  }

  @ParameterizedTest
  @CsvSource({
    "2|3|8, 4, 17, AveragePool",
    "2|3|8|6, 1|1, 13, AveragePool",
    "2|3|8|6, 2|3, 21, AveragePool",
    "2|3|7|5, 3|2, 13, ReduceMean",
    "2|3|7|5, 3|2, 21, ReduceMean",
    "1|2|5|6|7, 2|4|3, 17, ReduceMean",
  })
  void variants(String shape, String out, int opset, String uses) throws Exception {
    IrBuilder ir = new IrBuilder("adaptive_avg");
    String x = ir.parameter("x", ElementType.F32, shape.replace('|', ','));
    ir.result(ir.op("AdaptiveAvgPool", 8, Map.of(), x, ir.ints("size", longs(out))));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp(uses);
  }

  @Test
  void dynamicSpatialLengthsAreRefused() throws Exception {
    IrBuilder ir = new IrBuilder("adaptive_avg_dynamic");
    String x = ir.parameter("x", ElementType.F32, "1,2,?,?");
    ir.result(ir.op("AdaptiveAvgPool", 8, Map.of(), x, ir.ints("size", 2, 2)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("x", 1, 2, 4, 4).run());
  }
}
