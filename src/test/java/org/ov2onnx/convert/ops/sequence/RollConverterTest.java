package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class RollConverterTest {
  @TempDir Path dir;

  private static long[] longs(String s) {
    return java.util.Arrays.stream(s.split(" ")).mapToLong(Long::parseLong).toArray();
  }

  @ParameterizedTest
  @CsvSource({"'1', '0'", "'1 -2', '0 2'", "'7 -13', '1 2'", "'-9 3', '-1 -1'", "'0', '1'", "'2 1 5', '0 1 0'"})
  void constantShifts(String shifts, String axes) throws Exception {
    IrBuilder ir = new IrBuilder("roll");
    String x = ir.parameter("x", ElementType.F32, "3,4,5");
    long[] s = longs(shifts);
    String shift = s.length == 1 ? ir.constant("shift", ElementType.I32, new long[0], s[0])
        : ir.constant("shift", ElementType.I32, new long[] {s.length}, java.util.Arrays.stream(s).asDoubleStream().toArray());
    ir.result(ir.op("Roll", 7, Map.of(), x, shift, ir.ints("axes", longs(axes))));
    OpCheck.of(ir, dir).run().assertUsesOp("Gather");
  }

  @Test
  void runtimeShiftsOnADynamicInput() throws Exception {
    IrBuilder ir = new IrBuilder("roll_dyn");
    String x = ir.parameter("x", ElementType.I64, "?,6");
    String shift = ir.parameter("shift", ElementType.I64, "2");
    ir.result(ir.op("Roll", 7, Map.of(), x, shift, ir.ints("axes", 0, 1)));
    OpCheck.of(ir, dir).shape("x", 5, 6).range("shift", -20, 20).run();
  }
}
