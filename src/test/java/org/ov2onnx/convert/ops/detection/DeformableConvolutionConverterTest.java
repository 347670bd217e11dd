package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class DeformableConvolutionConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      // version; group; deformable_group; strides; dilations; pads_begin; pads_end; auto_pad; pad flag; mask; kernel; out
      "1; 1; 1; 1,1; 1,1; 0,0; 0,0; explicit; false; false; 3,3; '1,6,4,5'",
      "1; 2; 2; 2,1; 1,2; 1,1; 1,0; explicit; false; false; 3,2; '1,4,3,6'",
      "1; 1; 4; 1,1; 1,1; 0,0; 0,0; same_upper; false; false; 3,3; '1,6,6,7'",
      "8; 1; 1; 1,1; 1,1; 1,1; 1,1; explicit; false; true; 3,3; '1,6,6,7'",
      "8; 2; 1; 1,1; 1,1; 1,1; 1,1; explicit; true; true; 3,3; '1,4,6,7'",
      "8; 1; 2; 2,2; 1,1; 0,0; 0,0; valid; true; false; 2,2; '1,5,3,3'",
      "8; 4; 2; 1,1; 2,1; 2,1; 2,1; explicit; false; true; 3,3; '1,8,6,7'"})
  void variants(int version, int group, int deformableGroup, String strides, String dilations, String padsBegin,
      String padsEnd, String autoPad, boolean padFlag, boolean mask, String kernel, String out) throws Exception {
    String[] o = out.split(",");
    String[] kk = kernel.split(",");
    int taps = Integer.parseInt(kk[0]) * Integer.parseInt(kk[1]);
    IrBuilder ir = new IrBuilder("deformable_conv");
    List<String> in = new ArrayList<>();
    in.add(ir.parameter("x", ElementType.F32, "1,4,6,7"));
    in.add(ir.parameter("offsets", ElementType.F32, "1," + deformableGroup * taps * 2 + "," + o[2] + "," + o[3]));
    in.add(ir.parameter("filters", ElementType.F32, o[1] + "," + 4 / group + "," + kernel));
    if (mask) {
      in.add(ir.parameter("mask", ElementType.F32, "1," + deformableGroup * taps + "," + o[2] + "," + o[3]));
    }
    Map<String, String> attrs = new LinkedHashMap<>(Map.of("strides", strides, "dilations", dilations, "pads_begin", padsBegin,
        "pads_end", padsEnd, "auto_pad", autoPad, "group", Integer.toString(group),
        "deformable_group", Integer.toString(deformableGroup)));
    if (version == 8) {
      attrs.put("bilinear_interpolation_pad", Boolean.toString(padFlag));
    }
    ir.result(ir.op("DeformableConvolution", version, attrs, in.toArray(String[]::new)));
    OpCheck.of(ir, dir).range("offsets", -2.5, 2.5).range("mask", 0, 1).tolerance(1e-4, 1e-4).run().assertUsesOp("GridSample");
  }
}
