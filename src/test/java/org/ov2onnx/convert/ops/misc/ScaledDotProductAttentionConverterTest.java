package org.ov2onnx.convert.ops.misc;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ScaledDotProductAttentionConverterTest {
  @TempDir Path dir;

  /**
   * Q [2,3,L,8], K and V [2,3,S,8] (V's last axis 6); {@code mask} is "none", "bool", "f32" or
   * "f32 scalar"; {@code scale} adds the scale input (which needs a mask input before it).
   */
  private static IrBuilder model(String name, long l, long s, boolean causal, String mask, String maskShape, boolean scale) {
    IrBuilder ir = new IrBuilder(name);
    List<String> inputs = new ArrayList<>();
    inputs.add(ir.parameter("q", ElementType.F32, "2,3," + l + ",8"));
    inputs.add(ir.parameter("k", ElementType.F32, "2,3," + s + ",8"));
    inputs.add(ir.parameter("v", ElementType.F32, "2,3," + s + ",6"));
    if (mask.equals("bool")) {
      inputs.add(ir.parameter("mask", ElementType.BOOLEAN, maskShape));
    } else if (mask.equals("f32")) {
      inputs.add(ir.parameter("mask", ElementType.F32, maskShape));
    }
    if (scale) {
      inputs.add(ir.parameter("scale", ElementType.F32, ""));
    }
    ir.result(ir.op("ScaledDotProductAttention", 13, Map.of("causal", Boolean.toString(causal)), inputs.toArray(new String[0])));
    return ir;
  }

  private static IrBuilder withoutMask(String name, String q, String k, String v, boolean causal) {
    IrBuilder ir = new IrBuilder(name);
    String[] inputs = {
      ir.parameter("q", ElementType.F32, q), ir.parameter("k", ElementType.F32, k), ir.parameter("v", ElementType.F32, v)
    };
    ir.result(ir.op("ScaledDotProductAttention", 13, Map.of("causal", Boolean.toString(causal)), inputs));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "4,5,false,none,'',false,13",
    "4,4,true,none,'',false,21",
    "3,5,true,none,'',false,17",
    "5,3,true,none,'',false,13",
    "4,5,false,f32,'4,5',false,13",
    "4,5,false,f32,'2,1,4,5',true,21",
    "4,5,true,f32,'4,5',true,17",
    "4,5,false,f32,'',true,13"
  })
  void variants(long l, long s, boolean causal, String mask, String maskShape, boolean scale, int opset) throws Exception {
    OpCheck.of(model("sdpa", l, s, causal, mask, maskShape, scale), dir)
        .opset(opset)
        .range("scale", 0.05, 1)
        .range("mask", -3, 3)
        .run()
        .assertUsesOp("Softmax");
  }

  /**
   * Boolean masks broadcast from several shapes, with a few seeds. A row whose every position is
   * masked may occur: it gives NaN in both runtimes, which the comparison accepts.
   */
  @ParameterizedTest
  @CsvSource({"'4,5',1,13", "'1,5',2,21", "'2,3,4,5',3,17"})
  void booleanMask(String maskShape, long seed, int opset) throws Exception {
    OpCheck.of(model("sdpa_bool", 4, 5, false, "bool", maskShape, true), dir)
        .opset(opset)
        .seed(seed)
        .range("scale", 0.05, 1)
        .run()
        .assertUsesOp("Where");
  }

  @Test
  void dynamicLengths() throws Exception {
    IrBuilder ir = withoutMask("sdpa_dynamic", "?,2,?,?", "?,2,?,?", "?,2,?,4", true);
    OpCheck.of(ir, dir).shape("q", 1, 2, 3, 8).shape("k", 1, 2, 5, 8).shape("v", 1, 2, 5, 4).run();
  }

  @Test
  void refusesAKeyOfDynamicRank() throws Exception {
    IrBuilder ir = withoutMask("sdpa_rank", "2,4,8", "...", "2,5,8", false);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
