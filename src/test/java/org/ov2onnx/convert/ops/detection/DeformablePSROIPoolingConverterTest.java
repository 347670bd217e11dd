package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class DeformablePSROIPoolingConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      // output_dim, group_size, spatial_bins, part_size, offset classes (0: no offsets), trans_std, scale
      "2, 3, 1, 3, 0, 0.1, 1.0", "2, 2, 2, 2, 1, 0.1, 1.0", "4, 2, 3, 2, 2, 0.5, 0.5", "2, 3, 2, 1, 2, 0.2, 1.0"})
  void variants(int outputDim, int group, int bins, int part, int classes, double transStd, double scale) throws Exception {
    IrBuilder ir = new IrBuilder("deformable_psroi");
    List<String> in = new ArrayList<>();
    in.add(ir.parameter("x", ElementType.F32, "2," + outputDim * group * group + ",9,11"));
    // [batch, x1, y1, x2, y2]: ordinary, reversed, past the border, a point
    in.add(ir.constant("rois", ElementType.F32, new long[] {4, 5},
        0, 1, 2, 8, 7, 1, 6.5, 3, 2, 5, 1, 4, 5, 30, 20, 0, 3.4, 3.6, 3.4, 3.6));
    if (classes > 0) {
      in.add(ir.parameter("offsets", ElementType.F32, "4," + 2 * classes + "," + part + "," + part));
    }
    ir.result(ir.op("DeformablePSROIPooling", 1, Map.of("output_dim", Integer.toString(outputDim), "group_size",
        Integer.toString(group), "spatial_scale", Double.toString(scale), "mode", "bilinear_deformable", "spatial_bins_x",
        Integer.toString(bins), "spatial_bins_y", Integer.toString(bins), "trans_std", Double.toString(transStd),
        "part_size", Integer.toString(part)), in.toArray(String[]::new)));
    OpCheck.of(ir, dir).range("offsets", -2, 2).run().assertUsesOp("GridSample");
  }
}
