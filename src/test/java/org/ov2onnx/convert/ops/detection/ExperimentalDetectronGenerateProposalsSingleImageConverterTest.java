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

class ExperimentalDetectronGenerateProposalsSingleImageConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0, 0.7, 20, 8", "0, 0.5, 12, 30", "1, 0.3, 40, 10"})
  void variants(double minSize, double nms, int pre, int post) throws Exception {
    IrBuilder ir = new IrBuilder("proposals");
    String info = ir.parameter("im_info", ElementType.F32, "3");
    String anchors = ir.parameter("anchors", ElementType.F32, "24,4");
    String deltas = ir.parameter("deltas", ElementType.F32, "12,2,4");
    String scores = ir.parameter("scores", ElementType.F32, "3,2,4");
    List<String> out = ir.op("ExperimentalDetectronGenerateProposalsSingleImage", 6, Map.of("min_size", Double.toString(minSize),
        "nms_threshold", Double.toString(nms), "pre_nms_count", Integer.toString(pre), "post_nms_count", Integer.toString(post)),
        2, info, anchors, deltas, scores);
    out.forEach(ir::result);
    float[] a = anchors(24, 7);
    OpCheck.of(ir, dir).input("im_info", Tensor.ofFloats(new long[] {3}, 40, 50, 1))
        .input("anchors", Tensor.ofFloats(new long[] {24, 4}, a)).range("deltas", -0.5, 0.5).range("scores", 0, 1).run()
        .assertUsesOp("NonMaxSuppression");
  }

  /** {@code n} random anchors [x0, y0, x1, y1] in a 60 x 50 image, with x1 > x0 and y1 > y0. */
  static float[] anchors(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    float[] a = new float[n * 4];
    for (int i = 0; i < n; i++) {
      float x0 = r.nextFloat() * 40;
      float y0 = r.nextFloat() * 30;
      a[4 * i] = x0;
      a[4 * i + 1] = y0;
      a[4 * i + 2] = x0 + 2 + r.nextFloat() * 20;
      a[4 * i + 3] = y0 + 2 + r.nextFloat() * 20;
    }
    return a;
  }
}
