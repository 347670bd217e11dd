package org.ov2onnx.convert.ops.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ROIAlignConverterTest {
  @TempDir Path dir;

  static IrBuilder roiAlign(int version, String mode, String aligned, int samplingRatio, double scale, ElementType type) {
    IrBuilder ir = new IrBuilder("roi_align");
    String x = ir.parameter("x", type, "2,3,10,12");
    // x1, y1, x2, y2 in image coordinates; includes a ROI narrower than one cell and one crossing the border
    String rois = ir.constant("rois", type, new long[] {4, 4},
        1, 1, 9, 7, 0.5, 2.25, 1.0, 2.5, 3, 0, 20, 16, 4.5, 3.5, 10.5, 9);
    String batch = ir.constant("batch", ElementType.I32, new long[] {4}, 0, 1, 1, 0);
    Map<String, String> attrs = new LinkedHashMap<>(Map.of("pooled_h", "3", "pooled_w", "2",
        "sampling_ratio", Integer.toString(samplingRatio), "spatial_scale", Double.toString(scale), "mode", mode));
    if (version == 9) {
      attrs.put("aligned_mode", aligned);
    }
    ir.result(ir.op("ROIAlign", version, attrs, x, rois, batch));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
      "3, asymmetric, 2, 1.0, 17", "3, asymmetric, 0, 0.5, 13", "9, asymmetric, 1, 1.0, 13",
      "9, half_pixel_for_nn, 2, 0.5, 16", "9, half_pixel_for_nn, 0, 1.0, 21", "9, half_pixel, 2, 1.0, 17",
      "9, half_pixel, 0, 0.5, 16"})
  void avg(int version, String aligned, int samplingRatio, double scale, int opset) throws Exception {
    OpCheck.of(roiAlign(version, "avg", aligned, samplingRatio, scale, ElementType.F32), dir).opset(opset).run()
        .assertUsesOp("RoiAlign");
  }

  @Test
  void half() throws Exception {
    OpCheck.of(roiAlign(9, "avg", "half_pixel", 2, 1.0, ElementType.F16), dir).run().assertUsesOp("RoiAlign");
  }

  @ParameterizedTest
  @CsvSource({"3, asymmetric, 2, 1.0", "3, asymmetric, 1, 0.5", "9, half_pixel_for_nn, 2, 1.0", "9, half_pixel, 3, 0.5",
      "9, asymmetric, 2, 1.0"})
  void max(int version, String aligned, int samplingRatio, double scale) throws Exception {
    OpCheck.of(roiAlign(version, "max", aligned, samplingRatio, scale, ElementType.F32), dir).run().assertUsesOp("GridSample");
  }

  @Test
  void maxWithAdaptiveSamplingIsRefused() throws Exception {
    IrBuilder ir = roiAlign(3, "max", null, 0, 1.0, ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }

  @Test
  void alignedNeedsOpset16() throws Exception {
    IrBuilder ir = roiAlign(9, "avg", "half_pixel", 2, 1.0, ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(15).run());
  }
}
