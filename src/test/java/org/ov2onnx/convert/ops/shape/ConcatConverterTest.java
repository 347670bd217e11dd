package org.ov2onnx.convert.ops.shape;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ConcatConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, -3})
  void concatenatesAlongAnAxis(int axis) throws Exception {
    IrBuilder ir = new IrBuilder("concat");
    String a = ir.parameter("a", ElementType.F32, "2,3,4");
    String b = ir.parameter("b", ElementType.F32, "2,3,4");
    String c = ir.parameter("c", ElementType.F32, "2,3,4");
    ir.result(ir.op("Concat", 1, Map.of("axis", Integer.toString(axis)), a, b, c));
    OpCheck.of(ir, dir).run().assertUsesOp("Concat");
  }

  @Test
  void concatenatesIntegersOfDynamicLength() throws Exception {
    IrBuilder ir = new IrBuilder("concat_dyn");
    String a = ir.parameter("a", ElementType.I64, "?,2");
    String b = ir.constant("b", ElementType.I64, new long[] {1, 2}, 7, 8);
    ir.result(ir.op("Concat", 1, Map.of("axis", "-2"), a, b));
    OpCheck.of(ir, dir).shape("a", 3, 2).opset(13).run();
  }
}
