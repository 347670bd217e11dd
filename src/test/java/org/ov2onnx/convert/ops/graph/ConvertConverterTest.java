package org.ov2onnx.convert.ops.graph;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ConvertConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"f16", "f64", "i32", "i64", "u8", "boolean"})
  void floatToOtherTypes(String to) throws Exception {
    IrBuilder ir = new IrBuilder("convert_" + to);
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", to), x));
    OpCheck.of(ir, dir).range("x", -50, 50).run().assertUsesOp("Cast");
  }

  @Test
  void intToFloat() throws Exception {
    IrBuilder ir = new IrBuilder("convert_int");
    String x = ir.parameter("x", ElementType.I32, "5");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), x));
    OpCheck.of(ir, dir).run();
  }

  /**
   * Float8 conversions do not saturate in OpenVINO (its CPU plugin gives NaN in f8e4m3 and
   * infinity in f8e5m2 for values beyond the type's range), by Convert and ConvertLike alike; the
   * result is widened back to f32 so that both runtimes report it plainly.
   */
  @ParameterizedTest
  @CsvSource({"Convert,f8e4m3,21", "Convert,f8e5m2,19", "ConvertLike,f8e4m3,21", "ConvertLike,f8e5m2,19"})
  void float8DoesNotSaturate(String op, String to, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("convert_f8");
    String x = ir.parameter("x", ElementType.F32, "12");
    String f8 = op.equals("Convert") ? ir.op("Convert", 1, Map.of("destination_type", to), x)
        : ir.op("ConvertLike", 1, Map.of(), x,
            ir.op("Convert", 1, Map.of("destination_type", to), ir.constant("like", ElementType.F32, new long[] {1}, 0)));
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), f8));
    double[] values = {1e6, -1e6, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 500, 448, 70000, 60000,
      0.1, 1e-9, 250};
    OpCheck.of(ir, dir).input("x", Tensor.of(ElementType.F32, new long[] {12}, direct(TensorBytes.encode(ElementType.F32, values))))
        .opset(opset).run().assertUsesOp("Cast");
  }

  private static java.nio.ByteBuffer direct(java.nio.ByteBuffer bytes) {
    java.nio.ByteBuffer d = java.nio.ByteBuffer.allocateDirect(bytes.remaining()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    return d.put(bytes).flip();
  }

  @Test
  void convertLikeTakesTheSecondInputsType() throws Exception {
    IrBuilder ir = new IrBuilder("convert_like");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String like = ir.constant("like", ElementType.I64, new long[] {1}, 0);
    ir.result(ir.op("ConvertLike", 1, Map.of(), x, like));
    OpCheck.of(ir, dir).range("x", -100, 100).run().assertUsesOp("Cast");
  }

  @Test
  void parameterConstantAndResult() throws Exception {
    IrBuilder ir = new IrBuilder("passthrough");
    String x = ir.parameter("x", ElementType.F32, "2,2");
    String c = ir.constant("c", ElementType.F32, new long[] {2, 2}, 1, 2, 3, 4);
    ir.result(x);
    ir.result(c);
    OpCheck.of(ir, dir).run();
  }
}
