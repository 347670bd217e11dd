package org.ov2onnx.convert.ops.spatial;

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

class ShuffleChannelsConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(String shape, int axis, int group) {
    IrBuilder ir = new IrBuilder("shuffle");
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op("ShuffleChannels", 1, Map.of("axis", Integer.toString(axis), "group", Integer.toString(group)), x));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "2|6|3|4, 1, 2, 13",
    "2|6|3|4, 1, 3, 21",
    "2|6|3|4, -3, 6, 17",
    "2|3|8|4, 2, 4, 17",
    "6|5, 0, 3, 17",
    "2|4|6, -1, 2, 17",
  })
  void variants(String shape, int axis, int group, int opset) throws Exception {
    OpCheck.of(model(shape.replace('|', ','), axis, group), dir).opset(opset).run();
  }

  @Test
  void dynamicBatch() throws Exception {
    OpCheck.of(model("?,6,3,4", 1, 2), dir).shape("x", 3, 6, 3, 4).run();
  }

  @Test
  void dynamicInnerLengths() throws Exception {
    OpCheck.of(model("2,6,?,?", 1, 3), dir).shape("x", 2, 6, 2, 5).run();
  }

  @Test
  void dynamicLengthsOnBothSidesAreRefused() {
    assertThrows(ConversionException.class, () -> OpCheck.of(model("?,6,?,4", 1, 3), dir).shape("x", 2, 6, 2, 4).run());
  }
}
