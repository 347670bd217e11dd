package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class OneHotConverterTest {
  @TempDir Path dir;

  private static IrBuilder oneHot(int version, Map<String, String> attrs, ElementType indexType, ElementType valueType) {
    IrBuilder ir = new IrBuilder("onehot");
    String idx = ir.parameter("idx", indexType, "2,3");
    ir.result(ir.op("OneHot", version, attrs, idx, ir.constant("depth", ElementType.I64, new long[0], 4),
        ir.constant("on", valueType, new long[0], 5), ir.constant("off", valueType, new long[0], -2)));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1})
  void v1Axes(int axis) throws Exception {
    OpCheck.of(oneHot(1, Map.of("axis", Integer.toString(axis)), ElementType.I32, ElementType.F32), dir)
        .range("idx", 0, 3).run().assertUsesOp("OneHot");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v1NegativeAndOutOfRangeIndicesAreAllOff(int opset) throws Exception {
    OpCheck.of(oneHot(1, Map.of("axis", "-1"), ElementType.I64, ElementType.F32), dir).range("idx", -6, 5).opset(opset).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ignore_negative", "normalize"})
  void v16NegativeIndicesModes(String mode) throws Exception {
    OpCheck.of(oneHot(16, Map.of("axis", "1", "negative_indices_mode", mode), ElementType.I32, ElementType.I64), dir)
        .range("idx", -6, 5).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"i32", "f16", "u8", "i8", "i16", "u16"}) // Where through i32 where ONNX Runtime lacks it
  void otherValueTypes(String type) throws Exception {
    OpCheck.of(oneHot(16, Map.of("axis", "0", "negative_indices_mode", "normalize"), ElementType.I64, ElementType.fromOvName(type)), dir)
        .range("idx", -4, 3).run().assertUsesOp("Where");
  }
}
