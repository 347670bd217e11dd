package org.ov2onnx.convert.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * The operators run through a wider type where ONNX Runtime has no kernel for the element type
 * ({@link OrtKernels}): each model below would fail to load in ONNX Runtime without the detour,
 * and must give OpenVINO CPU's exact results with it.
 */
class OrtKernelsTest {
  @TempDir Path dir;

  /**
   * Values across a type's range. OpenVINO's CPU plugin runs u32 and u64 as i32, so the
   * differential tests keep those below 2^31; {@link #u64OrderAboveTwoToThe63} covers the rest.
   */
  private static double[] extremes(ElementType t) {
    return switch (t) {
      case U64, U32 -> new double[] {0, 1, 0x1p30, 0x1p31 - 1, 0x1p31 - 2, 5, 0x1p30 + 3, 9};
      case U16 -> new double[] {0, 1, 32768, 65535, 32767, 5, 65534, 9};
      case U8 -> new double[] {0, 1, 128, 255, 127, 5, 254, 9};
      case I8 -> new double[] {-128, 127, 0, -1, 1, 5, -127, 9};
      case I16 -> new double[] {-32768, 32767, 0, -1, 1, 5, -32767, 9};
      case BOOLEAN -> new double[] {0, 1, 1, 0, 1, 0, 0, 1};
      default -> new double[] {-3.5, 2.25, 0, -1, 1, 5, 1e3, 9};
    };
  }

  private static double[] reversed(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[v.length - 1 - i];
    }
    return r;
  }

  @ParameterizedTest
  @CsvSource({"Maximum,i8,13", "Maximum,i16,17", "Maximum,u8,21", "Maximum,u16,13", "Minimum,i8,21", "Minimum,i16,13",
    "Minimum,u8,17", "Minimum,u16,21", "Maximum,i32,17"})
  void maximumAndMinimum(String type, String elementType, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(elementType);
    double[] v = extremes(t);
    var outcome = OpCheck.of(OpModels.binary(type, 1, "numpy", t, "8", "8"), dir)
        .input("x", OpModels.vector(t, v)).input("y", OpModels.vector(t, reversed(v))).opset(opset).run();
    assertEquals(OrtKernels.lacks(type.equals("Maximum") ? "Max" : "Min", t), outcome.opTypes().contains("Cast"));
  }

  @ParameterizedTest
  @CsvSource({"i8,13", "i16,17", "u16,21", "u32,13", "u64,17", "u64,21", "boolean,21", "bf16,17", "u8,13"})
  void select(String elementType, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(elementType);
    IrBuilder ir = new IrBuilder("select");
    String c = ir.parameter("c", ElementType.BOOLEAN, "8");
    String x = ir.parameter("x", t, "8");
    String y = ir.parameter("y", t, "8");
    ir.result(ir.op("Select", 1, Map.of("auto_broadcast", "numpy"), c, x, y));
    double[] v = extremes(t);
    var outcome = OpCheck.of(ir, dir).input("x", OpModels.vector(t, v)).input("y", OpModels.vector(t, reversed(v)))
        .opset(opset).run().assertUsesOp("Where");
    assertEquals(OrtKernels.lacks("Where", t), outcome.opTypes().contains("Cast"));
  }

  @ParameterizedTest
  @CsvSource({"i16,13", "u16,21", "i8,17"})
  void clamp(String elementType, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(elementType);
    IrBuilder ir = new IrBuilder("clamp");
    String x = ir.parameter("x", t, "8");
    ir.result(ir.op("Clamp", 1, Map.of("min", "1", "max", "200"), x));
    var outcome = OpCheck.of(ir, dir).input("x", OpModels.vector(t, extremes(t))).opset(opset).run().assertUsesOp("Clip");
    assertEquals(OrtKernels.lacks("Clip", t), outcome.opTypes().contains("Cast"));
  }

  @ParameterizedTest
  @CsvSource({"u64,max,value,21", "u64,min,value,13", "u64,max,index,17", "u32,min,value,17", "u16,max,value,13",
    "u8,min,index,21", "i8,max,value,21", "i16,min,value,13", "bf16,max,value,17"})
  void topK(String elementType, String mode, String sort, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(elementType);
    IrBuilder ir = new IrBuilder("topk");
    String x = ir.parameter("x", t, "2,8");
    List<String> out = ir.op("TopK", 11, Map.of("axis", "1", "mode", mode, "sort", sort, "index_element_type", "i64",
        "stable", "true"), 2, x, ir.constant("k", ElementType.I64, new long[0], 5));
    out.forEach(ir::result);
    double[] v = extremes(t);
    double[] rows = new double[16];
    System.arraycopy(v, 0, rows, 0, 8);
    System.arraycopy(reversed(v), 0, rows, 8, 8);
    var outcome = OpCheck.of(ir, dir).input("x", OpModels.tensor(t, new long[] {2, 8}, rows)).opset(opset).run();
    assertTrue(OrtKernels.lacks("TopK", t));
    assertTrue(outcome.opTypes().contains("Cast"));
  }

  /**
   * u64 TopK over values on both sides of 2^63 (which OpenVINO's CPU plugin cannot run exactly):
   * the converted model's values and indices are those of a stable sort in unsigned order.
   */
  @ParameterizedTest
  @CsvSource({"max,13", "min,21"})
  void u64OrderAboveTwoToThe63(String mode, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("topk_u64");
    String x = ir.parameter("x", ElementType.U64, "8");
    List<String> out = ir.op("TopK", 11, Map.of("axis", "0", "mode", mode, "sort", "value", "index_element_type", "i64",
        "stable", "true"), 2, x, ir.constant("k", ElementType.I64, new long[0], 6));
    out.forEach(ir::result);
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("topk_u64.onnx");
    new org.ov2onnx.convert.Converter().convert(xml, onnx, org.ov2onnx.convert.ConvertOptions.defaults().withOpset(opset));
    double[] v = {0x1p63, 7, 0x1p64 - 2048, 0x1p63 - 1024, 0, 0x1p63 + 4096, 7, 0x1p62};
    Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7};
    java.util.Comparator<Integer> unsigned =
        (a, b) -> Long.compareUnsigned(asU64(v[a]), asU64(v[b])) * (mode.equals("max") ? -1 : 1);
    java.util.Arrays.sort(order, unsigned); // stable: ties keep the lower index first
    try (var ort = new org.ov2onnx.verify.OnnxRuntimeRunner(onnx)) {
      var result = new java.util.ArrayList<>(ort.run(Map.of(ort.inputNames().get(0), OpModels.vector(ElementType.U64, v)), null).values());
      double[] values = OpCheck.values(result.get(0));
      double[] indices = OpCheck.values(result.get(1));
      for (int i = 0; i < 6; i++) {
        assertEquals(order[i], (int) indices[i], "index " + i);
        assertEquals(v[order[i]], values[i], "value " + i);
      }
    }
  }

  /** The u64 a double (an integer below 2^64) stands for. */
  private static long asU64(double d) {
    return d >= 0x1p63 ? (long) (d - 0x1p63) ^ Long.MIN_VALUE : (long) d;
  }

  /** 4-bit values reshaped and unsqueezed (as OpenVINO's reader lays out a QuantizeLinear zero point) go through 8 bits. */
  @ParameterizedTest
  @CsvSource({"i4,21", "u4,21"})
  void fourBitReshapeAndUnsqueeze(String elementType, int opset) throws Exception {
    ElementType t = ElementType.fromOvName(elementType);
    IrBuilder ir = new IrBuilder("reshape_4bit");
    // the 4-bit values are made inside the model (from an 8-bit input), so no 4-bit tensor crosses its edges
    ElementType wide = t == ElementType.I4 ? ElementType.I8 : ElementType.U8;
    String x = ir.op("Convert", 1, Map.of("destination_type", elementType), ir.parameter("x", wide, "6"));
    String reshaped = ir.op("Reshape", 1, Map.of("special_zero", "false"), x, ir.constant("shape", ElementType.I64, new long[] {2}, 3, 2));
    String unsqueezed = ir.op("Unsqueeze", 1, Map.of(), reshaped, ir.constant("axes", ElementType.I64, new long[] {1}, 0));
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), unsqueezed));
    double[] v = t == ElementType.I4 ? new double[] {-8, 7, 0, -1, 3, 5} : new double[] {0, 15, 8, 7, 1, 9};
    var outcome = OpCheck.of(ir, dir).input("x", OpModels.vector(wide, v)).opset(opset).run().assertUsesOp("Reshape");
    assertTrue(OrtKernels.lacks("Reshape", t) && OrtKernels.lacks("Unsqueeze", t));
    assertTrue(outcome.opTypes().contains("Cast"));
  }
}
