package org.ov2onnx.convert.ops.normalization;

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

/** Per-channel scale and bias with distinct values: the opset 18-20 ONNX op would get them wrong. */
class GroupNormalizationConverterTest {
  @TempDir Path dir;

  private static IrBuilder model(String shape, long groups, double epsilon) {
    IrBuilder ir = new IrBuilder("groupnorm");
    String x = ir.parameter("x", ElementType.F32, shape);
    String scale = ir.parameter("scale", ElementType.F32, "6");
    String bias = ir.parameter("bias", ElementType.F32, "6");
    ir.result(
        ir.op("GroupNormalization", 12, Map.of("num_groups", Long.toString(groups), "epsilon", Double.toString(epsilon)), x, scale, bias));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "'2,6,4,5',3,1e-5,13",
    "'2,6,4,5',2,0.5,18",
    "'2,6,4,5',6,1e-3,21",
    "'2,6',3,0.1,17",
    "'1,6,7',1,1e-5,21",
    "'3,6,2,2,2',2,1e-5,13"
  })
  void normalizesGroupsAndScalesChannels(String shape, long groups, double epsilon, int opset) throws Exception {
    OpCheck.of(model(shape, groups, epsilon), dir).opset(opset).run().assertNoOp("GroupNormalization");
  }

  @Test
  void dynamicBatchAndSpatialDimensions() throws Exception {
    OpCheck.of(model("?,6,?", 3, 1e-5), dir).shape("x", 2, 6, 5).run();
  }

  @Test
  void refusesADynamicRank() throws Exception {
    IrBuilder ir = model("...", 3, 1e-5);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
