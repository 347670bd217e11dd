package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ExperimentalDetectronROIFeatureExtractorConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"2, 2, false", "3, 0, true", "2, 1, true"})
  void levels(int outputSize, int samplingRatio, boolean aligned) throws Exception {
    IrBuilder ir = new IrBuilder("roi_feature_extractor");
    // ROIs in image pixels (image 256 x 256): small ones go to level 0, large ones to 2 and 3, a degenerate one to none
    String rois = ir.constant("rois", ElementType.F32, new long[] {6, 4},
        10, 20, 40, 50, 0, 0, 255, 200, 100, 100, 120, 104, 30, 60, 230, 250, 50, 50, 50, 90, 5, 5, 130, 140);
    String p2 = ir.parameter("p2", ElementType.F32, "1,3,64,64");
    String p3 = ir.parameter("p3", ElementType.F32, "1,3,32,32");
    String p4 = ir.parameter("p4", ElementType.F32, "1,3,16,16");
    String p5 = ir.parameter("p5", ElementType.F32, "1,3,8,8");
    List<String> out = ir.op("ExperimentalDetectronROIFeatureExtractor", 6, Map.of("output_size", Integer.toString(outputSize),
        "sampling_ratio", Integer.toString(samplingRatio), "pyramid_scales", "4,8,16,32", "aligned", Boolean.toString(aligned)),
        2, rois, p2, p3, p4, p5);
    out.forEach(ir::result);
    OpCheck.of(ir, dir).run().assertUsesOp("RoiAlign");
  }
}
