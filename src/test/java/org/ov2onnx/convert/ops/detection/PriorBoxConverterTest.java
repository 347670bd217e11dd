package org.ov2onnx.convert.ops.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class PriorBoxConverterTest {
  @TempDir Path dir;

  /** [H, W] of a parameter of shape {@code shape}, through ShapeOf and Gather as models compute it. */
  static String spatialSize(IrBuilder ir, String name, String shape) {
    String x = ir.parameter(name, ElementType.F32, shape);
    String dims = ir.op("ShapeOf", 3, Map.of("output_type", "i32"), x);
    return ir.op("Gather", 8, Map.of("batch_dims", "0"), dims, ir.ints(name + "_hw", 2, 3),
        ir.constant(name + "_axis", ElementType.I64, new long[0], 0));
  }

  static IrBuilder priorBox(String type, int version, String layer, String image, Map<String, String> attrs) {
    IrBuilder ir = new IrBuilder("prior_box");
    String l = spatialSize(ir, "feature", layer);
    String i = spatialSize(ir, "image", image);
    ir.result(ir.op(type, version, attrs, l, i));
    return ir;
  }

  private static Map<String, String> attrs(String min, String max, String ratios, String flip, String clip, String step,
      String offset, String variance, String scaleAll, String fixedSize, String fixedRatio, String density) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("min_size", min);
    a.put("max_size", max);
    a.put("aspect_ratio", ratios);
    a.put("density", density);
    a.put("fixed_ratio", fixedRatio);
    a.put("fixed_size", fixedSize);
    a.put("clip", clip);
    a.put("flip", flip);
    a.put("step", step);
    a.put("offset", offset);
    a.put("variance", variance);
    a.put("scale_all_sizes", scaleAll);
    return a;
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "2,4; 5,8; 2,3; true; false; 0; 0.5; 0.1; true; ''; ''; ''",
      "2; 5; 2; false; true; 8; 0.5; 0.1,0.1,0.2,0.2; true; ''; ''; ''",
      "3,6; 7; 2,0.5; true; false; 0; 0.5; ''; true; ''; ''; ''",
      "0.2,0.4; ''; 2; true; true; -1; 0.5; 0.1; false; ''; ''; ''",
      "0.2; ''; 3; false; false; 0.25; 0.3; 0.1; false; ''; ''; ''",
      "''; ''; 2; false; true; 16; 0.5; 0.1; true; 8,16; ''; 2,1",
      "''; ''; ''; false; true; 16; 0.5; 0.1; true; 12; 2; 3",
      "''; ''; 2,3; true; false; 0; 0.5; 0.1; true; 6; ''; 2"})
  void v1AndV8(String min, String max, String ratios, String flip, String clip, String step, String offset, String variance,
      String scaleAll, String fixedSize, String fixedRatio, String density) throws Exception {
    for (int version : new int[] {1, 8}) {
      Map<String, String> a = attrs(min, max, ratios, flip, clip, step, offset, variance, scaleAll, fixedSize, fixedRatio, density);
      if (version == 8) {
        a.put("min_max_aspect_ratios_order", "true");
      }
      OpCheck.of(priorBox("PriorBox", version, "1,3,3,4", "1,3,30,36", a), dir.resolve("v" + version)).run();
    }
  }

  @Test
  void v8RatiosBeforeMax() throws Exception {
    Map<String, String> a = attrs("2,4", "5,8", "2,3", "true", "false", "0", "0.5", "0.1,0.2,0.3,0.4", "true", "", "", "");
    a.put("min_max_aspect_ratios_order", "false");
    OpCheck.of(priorBox("PriorBox", 8, "1,3,2,5", "1,3,20,50", a), dir).run();
  }

  /** OpenVINO's output shape counts fewer priors than its own algorithm writes for min sizes next to fixed sizes. */
  @Test
  void inconsistentPriorCountIsRefused() throws Exception {
    IrBuilder ir = priorBox("PriorBox", 1, "1,3,2,2", "1,3,20,20", attrs("4", "9", "", "false", "true", "0", "0.5", "0.1", "true",
        "6", "", "2"));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }

  @Test
  void dynamicImageIsRefused() throws Exception {
    Map<String, String> a = attrs("2", "5", "2", "true", "false", "0", "0.5", "0.1", "true", "", "", "");
    IrBuilder ir = priorBox("PriorBox", 1, "1,3,2,2", "1,3,?,?", a);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("image", 1, 3, 20, 20).run());
  }
}
