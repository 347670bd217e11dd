package org.ov2onnx.convert.ops.shape;

import static org.junit.jupiter.api.Assertions.assertThrows;

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

class SqueezeConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 15})
  void withoutAxesRemovesEveryUnitDimension(int version) throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_all");
    String x = ir.parameter("x", ElementType.F32, "1,3,1,4");
    ir.result(ir.op("Squeeze", version, Map.of(), x));
    OpCheck.of(ir, dir).run().assertUsesOp("Squeeze");
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 21})
  void withAxes(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_axes");
    String x = ir.parameter("x", ElementType.F32, "1,3,1,4,1");
    ir.result(ir.op("Squeeze", 1, Map.of(), x, ir.ints("axes", 0, -1)));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Squeeze");
  }

  @Test
  void scalarAxisOnADynamicDimension() throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_dyn");
    String x = ir.parameter("x", ElementType.F32, "?,3");
    ir.result(ir.op("Squeeze", 1, Map.of(), x, ir.constant("axis", ElementType.I32, new long[0], 0)));
    OpCheck.of(ir, dir).shape("x", 1, 3).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void v15SkipsAxesThatAreNotOne(String allowSkip) throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_skip");
    String x = ir.parameter("x", ElementType.F32, "2,1,3");
    ir.result(ir.op("Squeeze", 15, Map.of("allow_axis_skip", allowSkip), x, ir.ints("axes", 0, 1)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void v15SquezesADynamicDimensionWithoutAxisSkip() throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_v15_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    ir.result(ir.op("Squeeze", 15, Map.of("allow_axis_skip", "false"), x, ir.ints("axes", 1)));
    OpCheck.of(ir, dir).shape("x", 2, 1).run();
  }

  @Test
  void refusesAxisSkipOnADynamicDimension() throws Exception {
    IrBuilder ir = new IrBuilder("squeeze_skip_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    ir.result(ir.op("Squeeze", 15, Map.of("allow_axis_skip", "true"), x, ir.ints("axes", 1)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).shape("x", 2, 1).run());
  }

  /**
   * One axis fed at run time (a 1-element tensor, or a scalar as OpenVINO reads ONNX's
   * ReduceLogSumExp without keepdims), negative or not, on each unit dimension. OpenVINO's CPU
   * plugin runs a run-time Squeeze only when the output rank is known, that is for one axis of
   * Squeeze-1 (Squeeze-15 leaves the rank unknown, which neither the CPU plugin nor an ONNX graph
   * output takes).
   */
  @ParameterizedTest
  @CsvSource({
    "0, I64, 13, 1", "-1, I32, 17, 1", "2, I64, 21, 1", "-5, I64, 13, 1", "4, I32, 17, 1",
    "-3, I64, 21, 0", "0, I32, 13, 0", "2, I64, 17, 0", "-1, I64, 21, 0"})
  void runTimeAxis(long axis, String type, int opset, int rank) throws Exception {
    ElementType t = ElementType.valueOf(type);
    IrBuilder ir = new IrBuilder("squeeze_runtime");
    String x = ir.parameter("x", ElementType.F32, "1,3,1,4,1");
    String a = ir.parameter("axes", t, rank == 0 ? "" : "1");
    ir.result(ir.op("Squeeze", 1, Map.of(), x, a));
    long[] shape = rank == 0 ? new long[0] : new long[] {1};
    OpCheck.of(ir, dir).input("axes", ShapeTensors.of(t, shape, axis)).opset(opset).run().assertUsesOp("Squeeze");
  }
}
