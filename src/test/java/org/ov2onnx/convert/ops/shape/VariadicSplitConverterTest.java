package org.ov2onnx.convert.ops.shape;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;
import java.util.List;

class VariadicSplitConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void explicitLengths(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("vsplit");
    String x = ir.parameter("x", ElementType.F32, "2,7,3");
    List<String> parts = ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I64, new long[0], 1),
        ir.ints("lengths", 2, 0, 5));
    parts.forEach(ir::result);
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Split");
  }

  @Test
  void minusOneTakesTheRestOfAStaticDimension() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_rest");
    String x = ir.parameter("x", ElementType.F32, "2,7,3");
    ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I32, new long[0], -2),
        ir.constant("lengths", ElementType.I32, new long[] {3}, 1, -1, 2)).forEach(ir::result);
    OpCheck.of(ir, dir).run();
  }

  @Test
  void minusOneTakesTheRestOfADynamicDimension() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I64, new long[0], 1),
        ir.ints("lengths", -1, 2, 1)).forEach(ir::result);
    OpCheck.of(ir, dir).shape("x", 2, 9).opset(13).run();
  }

  /** split_lengths fed at run time, with a -1 and with zero-length parts, at the opsets 13, 17 and 21. */
  @ParameterizedTest
  @CsvSource({
    "2|0|5, I64, 13", "2|0|5, I32, 17", "-1|2|0, I64, 21", "0|-1|0, I32, 13", "7|0|0, I64, 17", "3|-1|1, I64, 21"})
  void runTimeLengths(String lengths, String type, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_runtime");
    String x = ir.parameter("x", ElementType.F32, "2,7,3");
    ElementType t = ElementType.valueOf(type);
    String l = ir.parameter("lengths", t, "3");
    ir.op("VariadicSplit", 1, Map.of(), 3, x, ir.constant("axis", ElementType.I64, new long[0], -2), l)
        .forEach(ir::result);
    long[] values = java.util.Arrays.stream(lengths.split("\\|")).mapToLong(Long::parseLong).toArray();
    OpCheck.of(ir, dir).input("lengths", ShapeTensors.of(t, values)).opset(opset).run().assertUsesOp("Split");
  }

  @Test
  void runTimeLengthsOnADynamicDimension() throws Exception {
    IrBuilder ir = new IrBuilder("vsplit_runtime_dyn");
    String x = ir.parameter("x", ElementType.F32, "?,4");
    String l = ir.parameter("lengths", ElementType.I64, "2");
    ir.op("VariadicSplit", 1, Map.of(), 2, x, ir.constant("axis", ElementType.I64, new long[0], 0), l)
        .forEach(ir::result);
    OpCheck.of(ir, dir).shape("x", 5, 4).input("lengths", ShapeTensors.of(ElementType.I64, 4, -1)).run();
  }
}
