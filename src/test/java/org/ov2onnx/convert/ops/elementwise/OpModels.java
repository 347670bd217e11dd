package org.ov2onnx.convert.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.UnsupportedOperationsException;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** One-node test models for the elementwise and activation converters, and their refusals. */
public final class OpModels {
  /** Dividends and divisors of every sign combination, for division and remainder semantics. */
  public static final double[] DIVIDENDS = {7, -7, 7, -7, 6, -6, 0, 5, -5, 1, -1, 9};

  public static final double[] DIVISORS = {2, 2, -2, -2, 3, -3, 4, 5, -5, -3, 3, 4};

  /** Infinities, NaN and ordinary values (65504 is f16's largest). */
  public static final double[] SPECIAL_FLOATS = {
    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0, -1, 65504, -3.5, 1e-3
  };

  private OpModels() {}

  /** Runs {@code type-1(DIVIDENDS, DIVISORS)} (numpy broadcast) of element type {@code t} at {@code opset}. */
  public static OpCheck.Outcome checkSignedOperands(Path dir, String type, ElementType t, int opset) throws Exception {
    return OpCheck.of(binary(type, 1, "numpy", t, "12", "12"), dir)
        .input("x", vector(t, DIVIDENDS)).input("y", vector(t, DIVISORS)).opset(opset).run();
  }

  /** {@code type-version(x)} with x a parameter of {@code t} shaped {@code shape}. */
  public static IrBuilder unary(String type, int version, Map<String, String> attrs, ElementType t, String shape) {
    IrBuilder ir = new IrBuilder(type.toLowerCase());
    String x = ir.parameter("x", t, shape);
    ir.result(ir.op(type, version, attrs, x));
    return ir;
  }

  /** {@code type-version(x, y)} with parameters x and y of {@code t}. */
  public static IrBuilder binary(
      String type, int version, Map<String, String> attrs, ElementType t, String shapeX, String shapeY) {
    IrBuilder ir = new IrBuilder(type.toLowerCase());
    String x = ir.parameter("x", t, shapeX);
    String y = ir.parameter("y", t, shapeY);
    ir.result(ir.op(type, version, attrs, x, y));
    return ir;
  }

  /** {@link #binary} with {@code auto_broadcast} set. */
  public static IrBuilder binary(String type, int version, String broadcast, ElementType t, String shapeX, String shapeY) {
    return binary(type, version, Map.of("auto_broadcast", broadcast), t, shapeX, shapeY);
  }

  /**
   * {@code type-version(x, y)} of two 1-D constants, so that OpenVINO computes it by constant
   * folding, that is with its reference implementation of the operation.
   */
  public static IrBuilder binaryOfConstants(
      String type, int version, Map<String, String> attrs, ElementType t, double[] x, double[] y) {
    IrBuilder ir = new IrBuilder(type.toLowerCase() + "_const");
    String a = ir.constant("x", t, new long[] {x.length}, x);
    String b = ir.constant("y", t, new long[] {y.length}, y);
    String out = ir.op(type, version, attrs, a, b);
    // ONNX Runtime's Java API reports u16/u32/u64 outputs as signed, which OpCheck cannot compare
    // with OpenVINO's unsigned ones: compare them as i64 (exact for the small values used).
    boolean wideUnsigned = t == ElementType.U16 || t == ElementType.U32 || t == ElementType.U64;
    ir.result(wideUnsigned ? ir.op("Convert", 1, Map.of("destination_type", "i64"), out) : out);
    return ir;
  }

  /**
   * {@code type-version(x)} of a 1-D constant, so that OpenVINO computes it by constant folding,
   * that is with its reference implementation of the operation.
   */
  public static IrBuilder unaryOfConstant(String type, int version, Map<String, String> attrs, ElementType t, double... x) {
    IrBuilder ir = new IrBuilder(type.toLowerCase() + "_const");
    ir.result(ir.op(type, version, attrs, ir.constant("x", t, new long[] {x.length}, x)));
    return ir;
  }

  /** Runs {@link #unary} on random inputs in [lo, hi) at {@code opset}. */
  public static OpCheck.Outcome checkUnary(
      Path dir, String type, int version, Map<String, String> attrs, ElementType t, double lo, double hi, int opset)
      throws Exception {
    return OpCheck.of(unary(type, version, attrs, t, "3,4,5"), dir).range("x", lo, hi).opset(opset).run();
  }

  /** Runs a numpy-broadcast {@link #binary} of shapes [3,4,5] and [4,1] on inputs in [lo, hi). */
  public static OpCheck.Outcome checkBinary(
      Path dir, String type, int version, ElementType t, double lo, double hi, int opset) throws Exception {
    return OpCheck.of(binary(type, version, "numpy", t, "3,4,5", "4,1"), dir)
        .range("x", lo, hi).range("y", lo, hi).opset(opset).run();
  }

  /** A tensor with exactly these values (converted to {@code t}), in a direct buffer. */
  public static Tensor tensor(ElementType t, long[] shape, double... values) {
    ByteBuffer bytes = TensorBytes.encode(t, values);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    return Tensor.of(t, shape, direct);
  }

  /** A 1-D tensor of these values. */
  public static Tensor vector(ElementType t, double... values) {
    return tensor(t, new long[] {values.length}, values);
  }

  /**
   * Asserts that converting {@code ir} at {@code opset} fails in the converter (not for want of
   * one) with a message naming the node and containing {@code reason}.
   */
  public static ConversionException assertRefused(IrBuilder ir, Path dir, int opset, String reason) throws Exception {
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(
        ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("refused.onnx"), ConvertOptions.defaults().withOpset(opset)));
    assertFalse(e instanceof UnsupportedOperationsException, e::getMessage);
    assertTrue(e.getMessage().startsWith("node '"), e::getMessage);
    assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + e.getMessage());
    return e;
  }
}
