package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GridSampleConverterTest {
  @TempDir Path dir;

  /** The grid reaches outside [-1, 1] so that every padding mode matters. */
  @ParameterizedTest
  @CsvSource({"bilinear, zeros, false, 16", "bilinear, border, true, 20", "bicubic, reflection, false, 17", "bicubic, zeros, true, 21",
      "nearest, border, false, 16", "nearest, reflection, true, 20", "bilinear, reflection, true, 18"})
  void modes(String mode, String padding, boolean alignCorners, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("gridsample");
    String x = ir.parameter("x", ElementType.F32, "2,3,5,6");
    String grid = ir.parameter("grid", ElementType.F32, "2,4,7,2");
    ir.result(ir.op("GridSample", 9, Map.of("align_corners", Boolean.toString(alignCorners), "mode", mode, "padding_mode", padding), x, grid));
    OpCheck.of(ir, dir).range("grid", -1.3, 1.3).opset(opset).run().assertUsesOp("GridSample");
  }
}
