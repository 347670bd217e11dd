package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ReverseConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"0,2", "1", "-1,0", "2,2"})
  void byIndex(String axes) throws Exception {
    IrBuilder ir = new IrBuilder("reverse");
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    long[] list = java.util.Arrays.stream(axes.split(",")).mapToLong(Long::parseLong).toArray();
    ir.result(ir.op("Reverse", 1, Map.of("mode", "index"), x, ir.ints("axes", list)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void byMask() throws Exception {
    IrBuilder ir = new IrBuilder("reverse_mask");
    String x = ir.parameter("x", ElementType.I32, "2,3,4");
    String mask = ir.constant("mask", ElementType.BOOLEAN, new long[] {3}, 1, 0, 1);
    ir.result(ir.op("Reverse", 1, Map.of("mode", "mask"), x, mask));
    OpCheck.of(ir, dir).run().assertUsesOp("Slice");
  }
}
