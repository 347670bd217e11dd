package org.ov2onnx.convert.rewrite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.ConvertOptions.WeightsFormat;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** NNCF-style compressed MatMul weights, written as NNCF writes them (its rt_info marker included), against OpenVINO CPU. */
class CompressedWeightsRewriteTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /** Packed 4-bit (or plain 8-bit) storage of {@code values}. */
  private static ByteBuffer store(ElementType type, int[] values) {
    boolean four = type == ElementType.U4 || type == ElementType.I4 || type == ElementType.NF4;
    ByteBuffer b = ByteBuffer.allocate(four ? (values.length + 1) / 2 : values.length);
    for (int i = 0; i < values.length; i++) {
      if (four) {
        int v = values[i] & 0xF;
        b.put(i / 2, (byte) (b.get(i / 2) | (i % 2 == 0 ? v : v << 4)));
      } else {
        b.put(i, (byte) values[i]);
      }
    }
    return b;
  }

  private static boolean f8(ElementType type) {
    return type == ElementType.F8E4M3 || type == ElementType.F8E5M2;
  }

  /**
   * {@code n} random float8 codes of magnitude below 16 (subnormals and negatives included), so that
   * the IR's f16 Multiply of the per-node path stays within f16 rounding of OpenVINO's f32.
   */
  private static ByteBuffer f8Bytes(ElementType type, int n, Random random) {
    ByteBuffer b = ByteBuffer.allocate(n);
    for (int i = 0; i < n; i++) {
      int code;
      do {
        code = random.nextInt(256);
      } while (type == ElementType.F8E4M3 ? ((code >> 3) & 0xF) > 10 : ((code >> 2) & 0x1F) > 18);
      b.put(i, (byte) code);
    }
    return b;
  }

  /**
   * x [2, 3, K] · W, W compressed: stored [N, G, g] (transpose_b) or [G, g, N], scales per (row,
   * group) in f16, optional zero points; {@code groups} = 1 and no reshape for per-channel weights.
   */
  static IrBuilder model(String name, ElementType storage, boolean zeroPoint, int n, int groups, int g,
      boolean transposeB, boolean grouped) {
    Random random = new Random(name.hashCode());
    boolean signed = storage == ElementType.I4 || storage == ElementType.I8;
    int bits = storage == ElementType.U4 || storage == ElementType.I4 || storage == ElementType.NF4 ? 4 : 8;
    int lo = signed ? -(1 << (bits - 1)) : 0;
    int hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    int k = groups * g;
    IrBuilder ir = new IrBuilder(name);
    String x = ir.parameter("x", ElementType.F32, "2,3," + k);
    long[] stored = !grouped ? (transposeB ? new long[] {n, k} : new long[] {k, n})
        : transposeB ? new long[] {n, groups, g} : new long[] {groups, g, n};
    long[] scaleShape = !grouped ? (transposeB ? new long[] {n, 1} : new long[] {1, n})
        : transposeB ? new long[] {n, groups, 1} : new long[] {groups, 1, n};
    int[] q = new int[n * k];
    for (int i = 0; i < q.length; i++) {
      q[i] = lo + random.nextInt(hi - lo + 1);
    }
    int scales = n * (grouped ? groups : 1);
    double[] scale = new double[scales];
    int[] zp = new int[scales];
    for (int i = 0; i < scales; i++) {
      scale[i] = 0.01 + random.nextDouble() * 0.05;
      zp[i] = lo + random.nextInt(hi - lo + 1);
    }
    String w = ir.constant("w", storage, stored, f8(storage) ? f8Bytes(storage, q.length, random) : store(storage, q));
    String value = ir.op("Convert", 1, Map.of("destination_type", "f16"), w);
    if (zeroPoint) {
      String z = ir.constant("zp", storage, scaleShape, store(storage, zp));
      value = ir.op("Subtract", 1, NUMPY, value, ir.op("Convert", 1, Map.of("destination_type", "f16"), z));
    }
    value = ir.op("Multiply", 1, NUMPY, value, ir.constant("scale", ElementType.F16, scaleShape, scale));
    if (grouped) {
      value = ir.op("Reshape", 1, Map.of("special_zero", "false"), value,
          ir.ints("shape", transposeB ? new long[] {n, k} : new long[] {k, n}));
    }
    value = ir.op("Convert", 1, Map.of("destination_type", "f32"), value);
    ir.result(ir.op("MatMul", 1, Map.of("transpose_a", "false", "transpose_b", Boolean.toString(transposeB)), x, value));
    return ir;
  }

  @ParameterizedTest(name = "{0} zp={1} transpose_b={2} opset {3}")
  @CsvSource({"u8, true, true, 13", "u8, true, false, 17", "i8, false, true, 21", "u8, true, true, 21"})
  void eightBitPerChannelBecomesDequantizeLinear(String type, boolean zp, boolean transposeB, int opset) throws Exception {
    IrBuilder ir = model("wc8_" + type + zp + transposeB + opset, ElementType.fromOvName(type), zp, 6, 1, 16, transposeB, false);
    OpCheck.model(NncfMarker.compressed(ir, dir), dir).opset(opset).run().assertUsesOp("DequantizeLinear").assertNoOp("Multiply");
  }

  @ParameterizedTest(name = "{0} zp={1} group {2} transpose_b={3}")
  @CsvSource({"i4, false, 32, true", "u4, true, 64, true", "u4, true, 16, false", "i4, false, 128, false"})
  void fourBitGroupedBecomesMatMulNBitsBelowOpset21(String type, boolean zp, int group, boolean transposeB)
      throws Exception {
    String name = "wc4_" + type + zp + group + transposeB;
    IrBuilder ir = model(name, ElementType.fromOvName(type), zp, 8, 2, group, transposeB, true);
    var outcome = OpCheck.model(NncfMarker.compressed(ir, dir), dir).run().assertUsesOp("MatMulNBits").assertNoOp("MatMul");
    long onnx = Files.size(outcome.onnx());
    long bin = Files.size(dir.resolve(name + ".bin"));
    assertTrue(onnx < bin + 4096, "the ONNX model (" + onnx + " B) stays about the IR's .bin size (" + bin + " B)");
  }

  @ParameterizedTest(name = "{0} zp={1} group {2} transpose_b={3}")
  @CsvSource({"i4, false, 32, true", "u4, true, 16, false", "u8, true, 32, true"})
  void groupedBecomesBlockedDequantizeLinearAtOpset21(String type, boolean zp, int group, boolean transposeB)
      throws Exception {
    IrBuilder ir = model("wc21_" + type + zp + group + transposeB, ElementType.fromOvName(type), zp, 8, 2, group, transposeB, true);
    OpCheck.model(NncfMarker.compressed(ir, dir), dir).opset(21).run().assertUsesOp("DequantizeLinear").assertNoOp("MatMulNBits");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FLOAT, false", "AUTO, true"})
  void floatWhenAskedFor(WeightsFormat format, boolean dequantize) throws Exception {
    IrBuilder ir = model("wcf_" + format + dequantize, ElementType.U4, true, 8, 2, 32, true, true);
    OpCheck.model(NncfMarker.compressed(ir, dir), dir).options(ConvertOptions.defaults().withWeightsFormat(format).withDequantize(dequantize)).run()
        .assertNoOp("DequantizeLinear").assertNoOp("MatMulNBits").assertUsesOp("MatMul");
  }

  @ParameterizedTest(name = "{0} group {1} transpose_b={2} opset {3}")
  @CsvSource({"f8e4m3, 0, true, 19", "f8e5m2, 0, false, 19", "f8e4m3, 16, true, 21", "f8e5m2, 32, false, 21"})
  void float8BecomesDequantizeLinearFromOpset19(String type, int group, boolean transposeB, int opset) throws Exception {
    boolean grouped = group > 0;
    IrBuilder ir = model("wcf8_" + type + group + transposeB + opset, ElementType.fromOvName(type), false, 8, grouped ? 2 : 1,
        grouped ? group : 24, transposeB, grouped);
    var outcome = OpCheck.model(NncfMarker.compressed(ir, dir), dir).opset(opset).run().assertUsesOp("DequantizeLinear").assertNoOp("Mul");
    assertTrue(outcome.model().getGraph().getInitializerList().stream()
            .anyMatch(t -> t.getDataType() == org.ov2onnx.onnx.OnnxTypes.toOnnx(ElementType.fromOvName(type)).getNumber()),
        "the weight stays float8");
  }

  @ParameterizedTest(name = "{0} grouped={1} opset {2}")
  @CsvSource({"f8e4m3, false, 21, FLOAT", "f8e5m2, true, 19, AUTO"})
  void float8ThatDequantizeLinearCannotHoldStaysOnThePerNodePath(String type, boolean grouped, int opset,
      WeightsFormat format) throws Exception {
    IrBuilder ir = model("wcf8n_" + type + grouped + opset, ElementType.fromOvName(type), false, 8, grouped ? 2 : 1, 16, true,
        grouped);
    // per node, the Multiply runs in f16 as the IR says (OpenVINO CPU decompresses in f32)
    OpCheck.model(NncfMarker.compressed(ir, dir), dir).options(ConvertOptions.defaults().withWeightsFormat(format)).opset(opset).tolerance(2e-3, 2e-3).run()
        .assertNoOp("DequantizeLinear").assertUsesOp("Mul");
  }

  @org.junit.jupiter.api.Test
  void float8BelowOpset19NamesTheFlag() throws Exception {
    IrBuilder ir = model("wcf8_17", ElementType.F8E4M3, false, 8, 1, 16, true, false);
    Path xml = ir.write(dir);
    var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> new org.ov2onnx.convert.Converter().convert(xml, dir.resolve("wcf8_17.onnx"), ConvertOptions.defaults()));
    assertTrue(String.valueOf(e.getMessage()).contains("--opset 19"), e.toString());
  }

  @ParameterizedTest(name = "nf4 group {0} opset {1}")
  @CsvSource({"32, 17", "16, 21"})
  void nf4IsDecompressedWithANote(int group, int opset) throws Exception {
    IrBuilder ir = model("wcnf4_" + group + "_" + opset, ElementType.NF4, false, 8, 2, group, true, true);
    var outcome = OpCheck.model(NncfMarker.compressed(ir, dir), dir).opset(opset).run().assertNoOp("DequantizeLinear").assertNoOp("MatMulNBits");
    assertTrue(outcome.model().getMetadataPropsList().stream().anyMatch(p -> p.getKey().equals("ov2onnx.note.nf4")),
        "a note says nf4 was decompressed");
  }
}
