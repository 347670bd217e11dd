package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GenerateProposalsConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0, 0.7, 20, 8, true, 3, i64", "1, 0.5, 12, 30, true, 4, i32", "2, 0.6, 24, 6, true, 3, i32",
      "0.05, 0.7, 20, 8, false, 3, i64"})
  void variants(double minSize, double nms, int pre, int post, boolean normalized, int infoWidth, String numType)
      throws Exception {
    IrBuilder ir = new IrBuilder("generate_proposals");
    String info = ir.parameter("im_info", ElementType.F32, "2," + infoWidth);
    String anchors = ir.parameter("anchors", ElementType.F32, "2,4,3,4");
    String deltas = ir.parameter("deltas", ElementType.F32, "2,12,2,4");
    String scores = ir.parameter("scores", ElementType.F32, "2,3,2,4");
    List<String> out = ir.op("GenerateProposals", 9, Map.of("min_size", Double.toString(minSize), "nms_threshold",
        Double.toString(nms), "pre_nms_count", Integer.toString(pre), "post_nms_count", Integer.toString(post), "normalized",
        Boolean.toString(normalized), "nms_eta", "1", "roi_num_type", numType), 3, info, anchors, deltas, scores);
    out.forEach(ir::result);
    float[] a = ExperimentalDetectronGenerateProposalsSingleImageConverterTest.anchors(24, 11);
    float[] im = infoWidth == 3 ? new float[] {40, 50, 1, 36, 44, 1.5f} : new float[] {40, 50, 1, 0.5f, 36, 44, 1.5f, 2};
    OpCheck.of(ir, dir).input("im_info", Tensor.ofFloats(new long[] {2, infoWidth}, im))
        .input("anchors", Tensor.ofFloats(new long[] {2, 4, 3, 4}, a)).range("deltas", -0.5, 0.5).range("scores", 0, 1).run()
        .assertUsesOp("NonMaxSuppression");
  }
}
