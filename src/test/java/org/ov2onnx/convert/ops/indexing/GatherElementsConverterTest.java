package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GatherElementsConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1})
  void alongAnAxis(int axis) throws Exception {
    IrBuilder ir = new IrBuilder("gather_elements");
    String x = ir.parameter("x", ElementType.F32, "3,4");
    String idx = ir.parameter("idx", ElementType.I32, "3,4");
    ir.result(ir.op("GatherElements", 6, Map.of("axis", Integer.toString(axis)), x, idx));
    OpCheck.of(ir, dir).range("idx", -3, 2).run().assertUsesOp("GatherElements");
  }
}
