package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ScatterUpdateConverterTest {
  @TempDir Path dir;

  @Test
  void alongTheFirstAxis() throws Exception {
    IrBuilder ir = new IrBuilder("scatter_update");
    String x = ir.parameter("x", ElementType.F32, "5,3");
    String u = ir.parameter("u", ElementType.F32, "2,3");
    ir.result(ir.op("ScatterUpdate", 3, Map.of(), x, ir.ints("idx", 3, 1), u, ir.constant("axis", ElementType.I64, new long[0], 0)));
    OpCheck.of(ir, dir).run().assertUsesOp("ScatterND");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void alongAMiddleAxisWithMatrixIndices(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("scatter_update_mid");
    String x = ir.parameter("x", ElementType.F32, "2,6,3");
    String u = ir.parameter("u", ElementType.F32, "2,2,2,3");
    String idx = ir.constant("idx", ElementType.I32, new long[] {2, 2}, 5, 0, 2, 3);
    ir.result(ir.op("ScatterUpdate", 3, Map.of(), x, idx, u, ir.constant("axis", ElementType.I32, new long[0], -2)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Transpose");
  }

  @Test
  void oneIndexOnTheLastAxis() throws Exception {
    IrBuilder ir = new IrBuilder("scatter_update_last");
    String x = ir.parameter("x", ElementType.I32, "2,4");
    String u = ir.parameter("u", ElementType.I32, "2,1");
    ir.result(ir.op("ScatterUpdate", 3, Map.of(), x, ir.constant("idx", ElementType.I64, new long[] {1}, 2), u,
        ir.constant("axis", ElementType.I64, new long[0], 1)));
    OpCheck.of(ir, dir).run();
  }
}
