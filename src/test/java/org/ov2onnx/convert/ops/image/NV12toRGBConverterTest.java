package org.ov2onnx.convert.ops.image;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class NV12toRGBConverterTest {
  @TempDir Path dir;

  /** A 4:2:0 image of 6 x 8 pixels as one plane or as its planes (2 for NV12, 3 for I420). */
  static IrBuilder yuv(String op, String type, int planes) {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("yuv");
    String[] in = switch (planes) {
      case 1 -> new String[] {ir.parameter("yuv", t, "2,9,8,1")};
      case 2 -> new String[] {ir.parameter("y", t, "2,6,8,1"), ir.parameter("uv", t, "2,3,4,2")};
      default -> new String[] {ir.parameter("y", t, "2,6,8,1"), ir.parameter("u", t, "2,3,4,1"), ir.parameter("v", t, "2,3,4,1")};
    };
    ir.result(ir.op(op, 8, Map.of(), in));
    return ir;
  }

  /** u8 results are exact; f32 ones within rounding of the colour matrix. */
  static void check(IrBuilder ir, Path dir) throws Exception {
    OpCheck.of(ir, dir).range("yuv", 0, 255).range("y", 0, 255).range("uv", 0, 255).range("u", 0, 255).range("v", 0, 255)
        .tolerance(1e-3, 1e-5).run().assertUsesOp("Expand");
  }

  @ParameterizedTest
  @CsvSource({"u8, 1", "u8, 2", "f32, 1", "f32, 2"})
  void converts(String type, int planes) throws Exception {
    check(yuv("NV12toRGB", type, planes), dir);
  }
}
