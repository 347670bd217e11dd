package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class RegionYoloConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      // YOLOv2 region: num regions, softmax over the classes, flattened axes
      "true, 4, 3, 2, '0', 1, 3, '1,16,3,4'", "true, 4, 3, 2, '0', 1, 2, '2,16,3,4'", "true, 4, 2, 3, '0', 2, 3, '1,21,2,5'",
      "true, 4, 3, 2, '0', 1, 1, '1,16,3,4'", "true, 5, 2, 1, '0', 1, 3, '1,8,2,2'",
      // YOLOv3 yolo layer: the mask's regions, sigmoids, shape kept
      "false, 4, 3, 9, '0,1,2', 1, 3, '1,24,3,4'", "false, 4, 2, 9, '3,4', 1, 3, '2,14,5,2'", "false, 6, 1, 3, '1', 1, 3, '1,8,3,3'"})
  void variants(boolean softmax, int coords, int classes, int num, String mask, int axis, int endAxis, String shape)
      throws Exception {
    IrBuilder ir = new IrBuilder("region_yolo");
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op("RegionYolo", 1, Map.of("coords", Integer.toString(coords), "classes", Integer.toString(classes),
        "num", Integer.toString(num), "do_softmax", Boolean.toString(softmax), "mask", mask, "axis", Integer.toString(axis),
        "end_axis", Integer.toString(endAxis), "anchors", "1,2,3,4"), x));
    OpCheck.of(ir, dir).range("x", -4, 4).run().assertUsesOp("Sigmoid");
  }
}
