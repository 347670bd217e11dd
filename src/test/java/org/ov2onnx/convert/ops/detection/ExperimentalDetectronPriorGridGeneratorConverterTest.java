package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ExperimentalDetectronPriorGridGeneratorConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"true, 0, 0, 0, 0", "false, 0, 0, 0, 0", "true, 3, 4, 0, 0", "false, 0, 0, 4, 6.5", "true, 3, 0, 8, 16"})
  void variants(boolean flatten, int h, int w, double strideX, double strideY) throws Exception {
    IrBuilder ir = new IrBuilder("prior_grid");
    String priors = ir.parameter("priors", ElementType.F32, "3,4");
    String feature = ir.parameter("feature", ElementType.F32, "1,2,3,4");
    String image = ir.parameter("image", ElementType.F32, "1,3,30,52");
    ir.result(ir.op("ExperimentalDetectronPriorGridGenerator", 6, Map.of("flatten", Boolean.toString(flatten),
        "h", Integer.toString(h), "w", Integer.toString(w), "stride_x", Double.toString(strideX),
        "stride_y", Double.toString(strideY)), priors, feature, image));
    OpCheck.of(ir, dir).range("priors", -20, 20).run().assertUsesOp("Add");
  }

  @org.junit.jupiter.api.Test
  void gridOtherThanTheFeatureMapIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("prior_grid_refused");
    String priors = ir.parameter("priors", ElementType.F32, "3,4");
    String feature = ir.parameter("feature", ElementType.F32, "1,2,3,4");
    String image = ir.parameter("image", ElementType.F32, "1,3,30,52");
    ir.result(ir.op("ExperimentalDetectronPriorGridGenerator", 6, Map.of("flatten", "true", "h", "2", "w", "5",
        "stride_x", "0", "stride_y", "0"), priors, feature, image));
    org.junit.jupiter.api.Assertions.assertThrows(org.ov2onnx.convert.spi.ConversionException.class,
        () -> OpCheck.of(ir, dir).run());
  }
}
