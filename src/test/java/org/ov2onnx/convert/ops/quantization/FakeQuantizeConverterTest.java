package org.ov2onnx.convert.ops.quantization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class FakeQuantizeConverterTest {
  @TempDir Path dir;

  /** A FakeQuantize of x [2,3,4,4] with scalar ranges. */
  private static IrBuilder activations(String name, long levels, double il, double ih, double ol, double oh) {
    IrBuilder ir = new IrBuilder(name);
    String x = ir.parameter("x", ElementType.F32, "2,3,4,4");
    long[] scalar = new long[0];
    ir.result(ir.op("FakeQuantize", 1, Map.of("levels", Long.toString(levels), "auto_broadcast", "numpy"), x,
        ir.constant("il", ElementType.F32, scalar, il), ir.constant("ih", ElementType.F32, scalar, ih),
        ir.constant("ol", ElementType.F32, scalar, ol), ir.constant("oh", ElementType.F32, scalar, oh)));
    return ir;
  }

  @ParameterizedTest(name = "levels {0} [{1}, {2}] -> [{3}, {4}] opset {5}")
  @CsvSource({
    "256, 0, 2.55, 0, 2.55, 13", // unsigned 8-bit
    "256, -1.28, 1.27, -1.28, 1.27, 17", // signed 8-bit
    "255, -1.27, 1.27, -1.27, 1.27, 17", // NNCF's symmetric 255 levels (a Clip first)
    "16, -0.8, 0.7, -0.8, 0.7, 21", // 4-bit grid kept in 8 bits
    "256, 0, 2.55, -0.5, 4.6, 17", // another output range
    "4096, -2.048, 2.047, -2.048, 2.047, 21" // 16-bit storage
  })
  void quantizeDequantize(long levels, double il, double ih, double ol, double oh, int opset) throws Exception {
    IrBuilder ir = activations("fq_qdq_" + levels + "_" + opset, levels, il, ih, ol, oh);
    OpCheck.of(ir, dir).opset(opset).range("x", 2 * il - 0.3, 2 * ih + 0.3).run()
        .assertUsesOp("QuantizeLinear").assertUsesOp("DequantizeLinear");
  }

  @ParameterizedTest(name = "levels {0} [{1}, {2}] opset {3}")
  @CsvSource({
    "256, 0.1, 2.3, 17", // zero is not on the grid
    "4096, -2.048, 2.047, 17", // 16-bit storage needs opset 21
    "7, -1, 2.2, 13"
  })
  void exactFloatDecompositionOtherwise(long levels, double il, double ih, int opset) throws Exception {
    IrBuilder ir = activations("fq_float_" + levels + "_" + opset, levels, il, ih, il, ih);
    var outcome = OpCheck.of(ir, dir).opset(opset).range("x", il - 1, ih + 1).run().assertUsesOp("Round")
        .assertNoOp("QuantizeLinear");
    assertTrue(note(outcome.model()).contains("'fakequantize_"), "the report names the node: " + note(outcome.model()));
  }

  @Test
  void dequantizeOptionMakesItFloat() throws Exception {
    IrBuilder ir = activations("fq_dequantize", 256, 0, 2.55, 0, 2.55);
    var outcome = OpCheck.of(ir, dir).options(ConvertOptions.defaults().withDequantize(true)).range("x", -1, 3).run()
        .assertUsesOp("Round").assertNoOp("QuantizeLinear");
    assertTrue(note(outcome.model()).isEmpty(), "asked for: no note");
  }

  /** The conversion report's note on FakeQuantize nodes kept as float, or "". */
  private static String note(org.ov2onnx.onnx.proto.OnnxProto.ModelProto model) {
    return model.getMetadataPropsList().stream().filter(p -> p.getKey().equals("ov2onnx.note.fakequantize"))
        .map(p -> p.getValue()).findFirst().orElse("");
  }

  @Test
  void perChannelActivations() throws Exception {
    IrBuilder ir = new IrBuilder("fq_channels");
    String x = ir.parameter("x", ElementType.F32, "2,3,4,4");
    long[] c = {1, 3, 1, 1};
    ir.result(ir.op("FakeQuantize", 1, Map.of("levels", "256", "auto_broadcast", "numpy"), x,
        ir.constant("il", ElementType.F32, c, 0, -1.28, -0.64), ir.constant("ih", ElementType.F32, c, 2.55, 1.27, 0.635),
        ir.constant("ol", ElementType.F32, c, 0, -1.28, -0.64), ir.constant("oh", ElementType.F32, c, 2.55, 1.27, 0.635)));
    OpCheck.of(ir, dir).range("x", -2, 3).run().assertUsesOp("QuantizeLinear");
  }

  @ParameterizedTest(name = "levels {0}")
  @CsvSource({"255", "256"})
  void weightsFoldIntoAQuantizedInitializer(long levels) throws Exception {
    // a convolution whose weights carry a per-output-channel symmetric FakeQuantize, as NNCF writes it
    IrBuilder ir = new IrBuilder("fq_weights_" + levels);
    String x = ir.parameter("x", ElementType.F32, "1,3,6,6");
    Random random = new Random(7);
    double[] w = new double[4 * 3 * 3 * 3];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextGaussian() * 0.4;
    }
    String weights = ir.constant("w", ElementType.F32, new long[] {4, 3, 3, 3}, w);
    long[] c = {4, 1, 1, 1};
    double[] low = new double[4];
    double[] high = new double[4];
    for (int k = 0; k < 4; k++) {
      double step = 0.004 * (k + 1);
      low[k] = levels == 255 ? -127 * step : -128 * step;
      high[k] = 127 * step;
    }
    String fq = ir.op("FakeQuantize", 1, Map.of("levels", Long.toString(levels), "auto_broadcast", "numpy"), weights,
        ir.constant("il", ElementType.F32, c, low), ir.constant("ih", ElementType.F32, c, high),
        ir.constant("ol", ElementType.F32, c, low), ir.constant("oh", ElementType.F32, c, high));
    ir.result(ir.op("Convolution", 1, Map.of("strides", "1,1", "pads_begin", "0,0", "pads_end", "0,0",
        "dilations", "1,1", "auto_pad", "explicit"), x, fq));
    var outcome = OpCheck.of(ir, dir).run().assertUsesOp("DequantizeLinear").assertNoOp("QuantizeLinear");
    assertTrue(outcome.model().getGraph().getInitializerList().stream()
        .anyMatch(t -> t.getDataType() == TensorProto.DataType.INT8.getNumber() && t.getDims(0) == 4),
        "an int8 weight initializer");
  }
}
