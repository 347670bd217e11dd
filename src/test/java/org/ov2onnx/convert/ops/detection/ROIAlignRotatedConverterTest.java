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

class ROIAlignRotatedConverterTest {
  @TempDir Path dir;

  private static IrBuilder rotated(int samplingRatio, double scale, boolean clockwise) {
    IrBuilder ir = new IrBuilder("roi_align_rotated");
    String x = ir.parameter("x", ElementType.F32, "2,3,10,12");
    // [cx, cy, w, h, angle]: upright, rotated, partly outside the image, tiny
    String rois = ir.constant("rois", ElementType.F32, new long[] {4, 5},
        5, 4, 6, 4, 0, 6, 5, 5, 3, 0.7, 11, 1, 8, 6, -1.2, 3.2, 6.6, 0.5, 0.8, 2.5);
    String batch = ir.constant("batch", ElementType.I32, new long[] {4}, 0, 1, 1, 0);
    ir.result(ir.op("ROIAlignRotated", 15, Map.of("pooled_h", "3", "pooled_w", "2", "sampling_ratio",
        Integer.toString(samplingRatio), "spatial_scale", Double.toString(scale), "clockwise_mode",
        Boolean.toString(clockwise)), x, rois, batch));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"2, 1.0, false", "2, 1.0, true", "1, 0.5, false", "3, 1.0, true"})
  void variants(int samplingRatio, double scale, boolean clockwise) throws Exception {
    OpCheck.of(rotated(samplingRatio, scale, clockwise), dir).run().assertUsesOp("GridSample");
  }

  @Test
  void adaptiveSamplingIsRefused() throws Exception {
    IrBuilder ir = rotated(0, 1.0, false);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
