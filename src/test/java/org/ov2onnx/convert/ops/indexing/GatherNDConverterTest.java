package org.ov2onnx.convert.ops.indexing;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class GatherNDConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {5, 8})
  void withoutBatchDims(int version) throws Exception {
    IrBuilder ir = new IrBuilder("gathernd");
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    String idx = ir.parameter("idx", ElementType.I32, "2,2");
    ir.result(ir.op("GatherND", version, Map.of("batch_dims", "0"), x, idx));
    OpCheck.of(ir, dir).range("idx", 0, 2).run().assertUsesOp("GatherND");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 8})
  void batchDims(int version) throws Exception {
    IrBuilder ir = new IrBuilder("gathernd_batch");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,5");
    String idx = ir.parameter("idx", ElementType.I64, "2,3,4,1");
    ir.result(ir.op("GatherND", version, Map.of("batch_dims", "2"), x, idx));
    OpCheck.of(ir, dir).range("idx", 0, 3).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void v5BatchDimsAtBothOpsets(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("gathernd_v5");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    String idx = ir.parameter("idx", ElementType.I64, "2,3,1");
    ir.result(ir.op("GatherND", 5, Map.of("batch_dims", "2"), x, idx));
    OpCheck.of(ir, dir).range("idx", 0, 3).opset(opset).run().assertUsesOp("Reshape");
  }
}
