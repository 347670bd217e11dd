package org.ov2onnx.convert.ops.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class NonMaxSuppressionConverterTest {
  @TempDir Path dir;

  private static IrBuilder nms(int version, boolean sort, String encoding, String outputType, ElementType type, int inputs,
      double sigma) {
    IrBuilder ir = new IrBuilder("nms");
    List<String> in = new ArrayList<>();
    in.add(ir.parameter("boxes", type, "2,12,4"));
    in.add(ir.parameter("scores", type, "2,3,12"));
    if (inputs > 2) {
      in.add(ir.constant("max_out", ElementType.I32, new long[0], 4));
    }
    if (inputs > 3) {
      in.add(ir.constant("iou", type, new long[0], 0.3));
    }
    if (inputs > 4) {
      in.add(ir.constant("score_threshold", type, version >= 5 ? new long[] {1} : new long[0], 0.2));
    }
    if (inputs > 5) {
      in.add(ir.constant("sigma", type, new long[0], sigma));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("box_encoding", encoding);
    attrs.put("sort_result_descending", Boolean.toString(sort));
    if (version > 1) {
      attrs.put("output_type", outputType);
    }
    int outputs = version >= 5 ? 3 : 1;
    List<String> out = ir.op("NonMaxSuppression", version, attrs, outputs, in.toArray(String[]::new));
    out.forEach(ir::result);
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
      "1, true, corner, i64, 5", "1, false, center, i64, 5", "1, true, corner, i64, 2",
      "3, true, center, i32, 5", "3, false, corner, i64, 4",
      "4, false, corner, i32, 5", "4, true, center, i64, 3",
      "5, true, corner, i64, 6", "5, false, center, i32, 5", "5, true, corner, i32, 3",
      "9, true, center, i64, 6", "9, false, corner, i32, 6", "9, true, corner, i64, 3"})
  void versions(int version, boolean sort, String encoding, String outputType, int inputs) throws Exception {
    OpCheck.of(nms(version, sort, encoding, outputType, ElementType.F32, inputs, 0), dir)
        .range("boxes", 0, 1).range("scores", 0, 1).run().assertUsesOp("NonMaxSuppression");
  }

  @Test
  void halfPrecision() throws Exception {
    OpCheck.of(nms(9, true, "center", "i32", ElementType.F16, 6, 0), dir)
        .range("boxes", 0, 1).range("scores", 0, 1).run().assertUsesOp("NonMaxSuppression");
  }

  @Test
  void softNmsIsRefused() throws Exception {
    Path xml = nms(9, true, "corner", "i64", ElementType.F32, 6, 0.5).write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("nms.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("soft_nms_sigma"), e.getMessage());
  }

  /** IoUs exactly at the threshold, thresholds at and beyond [0, 1], constant and at run time. */
  @ParameterizedTest
  @CsvSource({"0.5, true", "0.5, false", "0, true", "0, false", "-1, true", "1.5, true", "1.5, false", "0.6, false"})
  void thresholdEdges(double iou, boolean constant) throws Exception {
    IrBuilder ir = new IrBuilder("nms_edges");
    String boxes = ir.parameter("boxes", ElementType.F32, "1,4,4");
    String scores = ir.parameter("scores", ElementType.F32, "1,2,4");
    String t = constant ? ir.constant("iou", ElementType.F32, new long[0], iou) : ir.parameter("iou", ElementType.F32, "");
    List<String> out = ir.op("NonMaxSuppression", 5, Map.of("box_encoding", "corner", "sort_result_descending", "false",
        "output_type", "i64"), 3, boxes, scores, ir.constant("max_out", ElementType.I64, new long[] {1}, 10), t,
        ir.constant("score_threshold", ElementType.F32, new long[0], 0.25));
    out.forEach(ir::result);
    OpCheck check = OpCheck.of(ir, dir)
        .input("boxes", Tensor.ofFloats(new long[] {1, 4, 4}, 0, 0, 1, 1, 0, 0, 1, 2, 5, 5, 6, 6, 5, 5, 7, 6))
        .input("scores", Tensor.ofFloats(new long[] {1, 2, 4}, 0.9f, 0.8f, 0.25f, 0.3f, 0.1f, 0.7f, 0.6f, 0.5f));
    if (!constant) {
      check.input("iou", Tensor.ofFloats(new long[0], (float) iou));
    }
    check.run();
  }
}
