package org.ov2onnx.convert.ops.detection;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ReorgYoloConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"2, '1,8,4,6'", "3, '2,9,6,3'", "2, '2,12,2,2'", "1, '1,3,2,5'"})
  void strides(int stride, String shape) throws Exception {
    IrBuilder ir = new IrBuilder("reorg");
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op("ReorgYolo", 2, Map.of("stride", Integer.toString(stride)), x));
    OpCheck.of(ir, dir).run().assertUsesOp("Transpose");
  }

  @Test
  void dynamicBatchIntegers() throws Exception {
    IrBuilder ir = new IrBuilder("reorg_dyn");
    String x = ir.parameter("x", ElementType.I32, "?,4,4,4");
    ir.result(ir.op("ReorgYolo", 2, Map.of("stride", "2"), x));
    OpCheck.of(ir, dir).shape("x", 3, 4, 4, 4).run();
  }
}
