package org.ov2onnx.convert.ops.activation;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class PReluConverterTest {
  @TempDir Path dir;

  private static IrBuilder prelu(String dataShape, long[] slopeShape, int slopes) {
    IrBuilder ir = new IrBuilder("prelu");
    String x = ir.parameter("x", ElementType.F32, dataShape);
    double[] values = new double[slopes];
    for (int i = 0; i < slopes; i++) {
      values[i] = 0.1 * (i + 1);
    }
    ir.result(ir.op("PRelu", 1, Map.of(), x, ir.constant("slope", ElementType.F32, slopeShape, values)));
    return ir;
  }

  /** A 1-D slope as long as dimension 1 applies per channel, even when the last dimension matches too. */
  @ParameterizedTest
  @CsvSource({"'2,3,3',3,13", "'2,3,4',3,21", "'2,3,4,5',3,17", "'2,4,3',3,17", "'2,3',3,17", "'2,3,4',1,17", "'1,5,2,2',5,13"})
  void oneDimensionalSlopes(String dataShape, long length, int opset) throws Exception {
    OpCheck.of(prelu(dataShape, new long[] {length}, (int) length), dir).opset(opset).run().assertUsesOp("PRelu");
  }

  @Test
  void numpyBroadcastSlope() throws Exception {
    OpCheck.of(prelu("1,3,2,2", new long[] {3, 1, 1}, 3), dir).run();
    OpCheck.of(prelu("2,3,4", new long[] {2, 3, 4}, 24), dir.resolve("full")).run();
  }

  @Test
  void slopeAsAModelInput() throws Exception {
    IrBuilder ir = new IrBuilder("prelu_input");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,4");
    String slope = ir.parameter("slope", ElementType.F32, "3");
    ir.result(ir.op("PRelu", 1, Map.of(), x, slope));
    OpCheck.of(ir, dir).range("slope", 0, 1).run().assertUsesOp("Unsqueeze");
  }

  @Test
  void refusesAmbiguousSlopeOnDynamicChannels() throws Exception {
    IrBuilder ir = new IrBuilder("prelu_dynamic");
    String x = ir.parameter("x", ElementType.F32, "2,?,3");
    ir.result(ir.op("PRelu", 1, Map.of(), x, ir.constant("slope", ElementType.F32, new long[] {3}, 0.1, 0.2, 0.3)));
    OpModels.assertRefused(ir, dir, 17, "channel");
  }
}
