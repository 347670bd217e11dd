package org.ov2onnx.convert.ops.normalization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * The scenarios every OpenVINO Reduce* converter must pass: constant axes (attribute form before
 * ONNX opset 18, input form after; negative, scalar and empty axes), keep_dims both ways, and
 * run-time axes where the target opset allows them. Each Reduce*ConverterTest extends it.
 */
abstract class ReductionTestBase {
  @TempDir Path dir;

  /** The OpenVINO type. */
  abstract String op();

  /** The OpenVINO version (the opset it appeared in). */
  int version() {
    return 1;
  }

  ElementType type() {
    return ElementType.F32;
  }

  /** The lowest ONNX opset that accepts run-time axes for this reduction (above 21: none). */
  int runtimeAxesOpset() {
    return 18;
  }

  /** x (2,3,4) reduced over constant {@code axes}. */
  IrBuilder constantAxes(boolean keepDims, long[] axesShape, long... axes) {
    IrBuilder ir = new IrBuilder(op().toLowerCase() + "_const");
    String x = ir.parameter("x", type(), "2,3,4");
    if (axes.length == 0) {
      // OpenVINO cannot read an IR whose weights file is empty: a second output gives it data.
      ir.result(ir.constant("filler", ElementType.F32, new long[] {1}, 1));
    }
    double[] values = new double[axes.length];
    for (int i = 0; i < axes.length; i++) {
      values[i] = axes[i];
    }
    String a = ir.constant("axes", ElementType.I64, axesShape, values);
    ir.result(ir.op(op(), version(), Map.of("keep_dims", Boolean.toString(keepDims)), x, a));
    return ir;
  }

  /** x (2,3,4) reduced over the axes given as input "axes" of {@code axesShape}. */
  IrBuilder runtimeAxes(boolean keepDims, String axesShape) {
    IrBuilder ir = new IrBuilder(op().toLowerCase() + "_runtime");
    String x = ir.parameter("x", type(), "2,3,4");
    String a = ir.parameter("axes", ElementType.I64, axesShape);
    ir.result(ir.op(op(), version(), Map.of("keep_dims", Boolean.toString(keepDims)), x, a));
    return ir;
  }

  static Tensor int64s(long... values) {
    ByteBuffer b = ByteBuffer.allocateDirect(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return Tensor.of(ElementType.I64, new long[] {values.length}, b.flip());
  }

  @ParameterizedTest
  @CsvSource({"13,true", "13,false", "17,true", "18,false", "21,true", "21,false"})
  void constantAxes(int opset, boolean keepDims) throws Exception {
    OpCheck.of(constantAxes(keepDims, new long[] {2}, 0, -1), dir).opset(opset).run();
  }

  @ParameterizedTest
  @CsvSource({"13", "21"})
  void scalarAxis(int opset) throws Exception {
    OpCheck.of(constantAxes(false, new long[0], 1), dir).opset(opset).run();
  }

  @ParameterizedTest
  @CsvSource({"13", "21"})
  void emptyAxesReduceNothing(int opset) throws Exception {
    OpCheck.of(constantAxes(true, new long[] {0}), dir).opset(opset).run();
  }

  /**
   * Run-time axes keep the dimensions: without them OpenVINO cannot know the output's rank, and
   * ONNX's checker refuses a graph output of unknown rank. (OpenVINO cannot run empty run-time
   * axes, so only the ONNX side of that case is unproven.)
   */
  @ParameterizedTest
  @CsvSource({"1,2", "-1,0"})
  void runtimeAxes(long a, long b) throws Exception {
    assumeTrue(runtimeAxesOpset() <= 21, "run-time axes are refused");
    OpCheck.of(runtimeAxes(true, "2"), dir).opset(runtimeAxesOpset()).input("axes", int64s(a, b)).run();
  }

  @Test
  void runtimeAxesNeedTheInputForm() throws Exception {
    assumeTrue(runtimeAxesOpset() > 13, "run-time axes work at every opset");
    IrBuilder ir = runtimeAxes(true, "2");
    int opset = Math.min(runtimeAxesOpset() - 1, 21);
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).opset(opset).run());
    assertTrue(e.getMessage().contains("run-time axes"), e.getMessage());
  }
}
