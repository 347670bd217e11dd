package org.ov2onnx.convert.ops.detection;

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

class PSROIPoolingConverterTest {
  @TempDir Path dir;

  private static IrBuilder psroi(String mode, int outputDim, int group, double scale) {
    return psroi(mode, outputDim, group, scale, 1);
  }

  private static IrBuilder psroi(String mode, int outputDim, int group, double scale, int bins) {
    IrBuilder ir = new IrBuilder("psroi");
    String x = ir.parameter("x", ElementType.F32, "2," + outputDim * group * group * bins * bins + ",10,12");
    // [batch, x1, y1, x2, y2], with coordinates at .5 (rounded away from zero) and one past the border
    String rois = ir.constant("rois", ElementType.F32, new long[] {4, 5},
        0, 1, 2, 8, 7, 1, 2.5, 0.5, 6.5, 9.5, 1, 0, 0, 30, 25, 0, 4, 4, 4, 4);
    ir.result(ir.op("PSROIPooling", 1, Map.of("output_dim", Integer.toString(outputDim), "group_size",
        Integer.toString(group), "spatial_scale", Double.toString(scale), "mode", mode, "spatial_bins_x", Integer.toString(bins),
        "spatial_bins_y", Integer.toString(bins)), x, rois));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"2, 3, 1.0", "3, 2, 0.5", "1, 1, 1.0", "4, 2, 0.25"})
  void average(int outputDim, int group, double scale) throws Exception {
    OpCheck.of(psroi("average", outputDim, group, scale), dir).run().assertUsesOp("ReduceSum");
  }

  @Test
  void bilinearIsRefused() throws Exception {
    IrBuilder ir = psroi("bilinear", 2, 1, 1.0, 2);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
