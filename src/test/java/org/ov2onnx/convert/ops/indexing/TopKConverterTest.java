package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class TopKConverterTest {
  @TempDir Path dir;

  private static IrBuilder topk(int version, String mode, String sort, String indexType, String stable, int axis) {
    IrBuilder ir = new IrBuilder("topk");
    String x = ir.parameter("x", ElementType.F32, "3,7,2");
    Map<String, String> attrs = new java.util.LinkedHashMap<>(Map.of("axis", Integer.toString(axis), "mode", mode, "sort", sort));
    if (indexType != null) {
      attrs.put("index_element_type", indexType);
    }
    if (stable != null) {
      attrs.put("stable", stable);
    }
    List<String> out = ir.op("TopK", version, attrs, 2, x, ir.constant("k", ElementType.I64, new long[0], 3));
    out.forEach(ir::result);
    return ir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"max", "min"})
  void v1Modes(String mode) throws Exception {
    OpCheck.of(topk(1, mode, "value", null, null, 1), dir).run().assertUsesOp("TopK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"value", "index", "none"})
  void v3Sorts(String sort) throws Exception {
    OpCheck.of(topk(3, "max", sort, "i32", null, -2), dir).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "i64"})
  void v3IndexTypes(String type) throws Exception {
    OpCheck.of(topk(3, "min", "index", type, null, 1), dir).run().assertUsesOp("GatherElements");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v11StableWithTies(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("topk_ties");
    String x = ir.parameter("x", ElementType.I32, "4,9");
    List<String> out = ir.op("TopK", 11, Map.of("axis", "1", "mode", "max", "sort", "value", "index_element_type", "i64",
        "stable", "true"), 2, x, ir.constant("k", ElementType.I32, new long[0], 4));
    out.forEach(ir::result);
    OpCheck.of(ir, dir).range("x", 0, 2).opset(opset).run();
  }

  @Test
  void v11StableSortedByIndex() throws Exception {
    OpCheck.of(topk(11, "min", "index", "i32", "true", 1), dir).run();
  }

  @Test
  void dynamicK() throws Exception {
    IrBuilder ir = new IrBuilder("topk_dynk");
    String x = ir.parameter("x", ElementType.F32, "2,6");
    String k = ir.parameter("k", ElementType.I32, "");
    List<String> out = ir.op("TopK", 11, Map.of("axis", "1", "mode", "max", "sort", "value", "index_element_type", "i32"), 2, x, k);
    out.forEach(ir::result);
    OpCheck.of(ir, dir).range("k", 1, 6).run();
  }

  @Test
  void onlyValuesUsed() throws Exception {
    IrBuilder ir = new IrBuilder("topk_values");
    String x = ir.parameter("x", ElementType.F32, "2,6");
    List<String> out = ir.op("TopK", 3, Map.of("axis", "1", "mode", "max", "sort", "index", "index_element_type", "i32"), 2, x,
        ir.constant("k", ElementType.I64, new long[0], 2));
    ir.result(out.get(0));
    OpCheck.of(ir, dir).run();
  }
}
