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

class ROIPoolingConverterTest {
  @TempDir Path dir;

  private static IrBuilder roiPooling(String method, int pooledH, int pooledW, double scale, ElementType type) {
    IrBuilder ir = new IrBuilder("roi_pooling");
    String x = ir.parameter("x", type, "2,3,9,11");
    // [batch, x1, y1, x2, y2]: an ordinary ROI, a malformed one (x2 < x1), one past the border, one of a single cell
    String rois = ir.constant("rois", type, new long[] {4, 5},
        0, 1, 2, 8, 7, 1, 6, 3, 2, 5, 1, 4, 5, 30, 20, 0, 3.4, 3.6, 3.4, 3.6);
    ir.result(ir.op("ROIPooling", 2, Map.of("pooled_h", Integer.toString(pooledH), "pooled_w", Integer.toString(pooledW),
        "spatial_scale", Double.toString(scale), "method", method), x, rois));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"2, 2, 1.0", "3, 4, 0.5", "1, 1, 1.0"})
  void max(int pooledH, int pooledW, double scale) throws Exception {
    OpCheck.of(roiPooling("max", pooledH, pooledW, scale, ElementType.F32), dir).run().assertUsesOp("MaxRoiPool");
  }

  @Test
  void half() throws Exception {
    OpCheck.of(roiPooling("max", 2, 3, 1.0, ElementType.F16), dir).run().assertUsesOp("MaxRoiPool");
  }

  @ParameterizedTest
  @CsvSource({"2, 2", "3, 4", "1, 1", "1, 3"})
  void bilinear(int pooledH, int pooledW) throws Exception {
    IrBuilder ir = new IrBuilder("roi_pooling_bilinear");
    String x = ir.parameter("x", ElementType.F32, "2,3,9,11");
    // normalized [batch, x1, y1, x2, y2]: inside, reversed, partly outside, a point
    String rois = ir.constant("rois", ElementType.F32, new long[] {4, 5},
        0, 0.1, 0.2, 0.8, 0.7, 1, 0.9, 0.6, 0.3, 0.1, 1, -0.2, 0.5, 1.3, 0.9, 0, 0.5, 0.5, 0.5, 0.5);
    ir.result(ir.op("ROIPooling", 2, Map.of("pooled_h", Integer.toString(pooledH), "pooled_w", Integer.toString(pooledW),
        "spatial_scale", "1", "method", "bilinear"), x, rois));
    OpCheck.of(ir, dir).run().assertUsesOp("GridSample");
  }

  @Test
  void bilinearNeedsOpset16() throws Exception {
    IrBuilder ir = roiPooling("bilinear", 2, 2, 1.0, ElementType.F32);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(15).run());
  }
}
