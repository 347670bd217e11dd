package org.ov2onnx.convert.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.ConvertOptions.WeightsFormat;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * 8-bit weights follow the model's provenance under {@code --weights-format auto}: DequantizeLinear
 * when NNCF marked the model (rt_info {@code nncf/weight_compression} or {@code nncf/quantization})
 * or the graph quantizes activations (FakeQuantize); else the IR's in-graph Cast → [Sub] → Mul over
 * the 8-bit initializer, which ONNX Runtime folds at load. Each explicit format overrides it. Every
 * case runs on OpenVINO CPU and ONNX Runtime and passes onnx's full checker (OpCheck).
 */
class WeightsProvenanceTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");
  private static final int N = 6;
  private static final int K = 16;

  @TempDir Path dir;

  /** Where a model comes from, as the converter can tell. */
  enum Provenance {
    /** no marker (an exporter's in-graph dequantization, read by OpenVINO) */
    NONE,
    /** NNCF weight compression */
    NNCF_WEIGHT_COMPRESSION,
    /** NNCF post-training quantization */
    NNCF_QUANTIZATION,
    /** no marker, but activations quantized by a FakeQuantize */
    FAKE_QUANTIZE
  }

  /** What the weight becomes. */
  enum Form { DEQUANTIZE_LINEAR, CAST, FLOAT }

  /**
   * x [2, 3, K] (through a FakeQuantize if asked) · Wᵀ, W [N, K] stored in u8 (with a zero point) or
   * i8 (without), one f32 scale per output channel, dequantized as exporters write it in-graph:
   * Convert(f32) → [Subtract Convert(zero point)] → Multiply.
   */
  private static IrBuilder model(String name, boolean zeroPoint, boolean fakeQuantize) {
    Random random = new Random(name.hashCode());
    ElementType storage = zeroPoint ? ElementType.U8 : ElementType.I8;
    IrBuilder ir = new IrBuilder(name);
    String x = ir.parameter("x", ElementType.F32, "2,3," + K);
    if (fakeQuantize) {
      String lo = ir.constant("lo", ElementType.F32, new long[0], -12.8);
      String hi = ir.constant("hi", ElementType.F32, new long[0], 12.7);
      x = ir.op("FakeQuantize", 1, Map.of("levels", "256", "auto_broadcast", "numpy"), x, lo, hi, lo, hi);
    }
    ByteBuffer q = ByteBuffer.allocate(N * K);
    for (int i = 0; i < N * K; i++) {
      q.put(i, (byte) random.nextInt(256));
    }
    long[] scaleShape = {N, 1};
    double[] scale = new double[N];
    ByteBuffer zp = ByteBuffer.allocate(N);
    for (int i = 0; i < N; i++) {
      scale[i] = 0.01 + random.nextDouble() * 0.05;
      zp.put(i, (byte) (108 + random.nextInt(41)));
    }
    String w = ir.op("Convert", 1, Map.of("destination_type", "f32"), ir.constant("w", storage, new long[] {N, K}, q));
    if (zeroPoint) {
      String z = ir.op("Convert", 1, Map.of("destination_type", "f32"), ir.constant("zp", storage, scaleShape, zp));
      w = ir.op("Subtract", 1, NUMPY, w, z);
    }
    w = ir.op("Multiply", 1, NUMPY, w, ir.constant("scale", ElementType.F32, scaleShape, scale));
    ir.result(ir.op("MatMul", 1, Map.of("transpose_a", "false", "transpose_b", "true"), x, w));
    return ir;
  }

  private Path write(IrBuilder ir, Provenance provenance) throws Exception {
    return switch (provenance) {
      case NNCF_WEIGHT_COMPRESSION -> NncfMarker.write(ir, dir, "weight_compression");
      case NNCF_QUANTIZATION -> NncfMarker.write(ir, dir, "quantization");
      default -> ir.write(dir);
    };
  }

  /** The form each format gives: auto follows the provenance, the others are explicit. */
  private static Form expected(WeightsFormat format, Provenance provenance) {
    return switch (format) {
      case FLOAT -> Form.FLOAT;
      case DQ, MATMULNBITS -> Form.DEQUANTIZE_LINEAR;
      case CAST -> Form.CAST;
      case AUTO -> provenance == Provenance.NONE ? Form.CAST : Form.DEQUANTIZE_LINEAR;
    };
  }

  static Stream<Arguments> cases() {
    List<Arguments> list = new ArrayList<>();
    for (boolean zeroPoint : new boolean[] {true, false}) {
      for (Provenance p : new Provenance[] {Provenance.NONE, Provenance.NNCF_WEIGHT_COMPRESSION}) {
        for (WeightsFormat f : WeightsFormat.values()) {
          list.add(Arguments.of(p, f, zeroPoint));
        }
      }
    }
    list.add(Arguments.of(Provenance.NNCF_QUANTIZATION, WeightsFormat.AUTO, false));
    list.add(Arguments.of(Provenance.FAKE_QUANTIZE, WeightsFormat.AUTO, true));
    list.add(Arguments.of(Provenance.FAKE_QUANTIZE, WeightsFormat.CAST, true));
    return list.stream();
  }

  @ParameterizedTest(name = "{0} --weights-format {1} zero point {2}")
  @MethodSource("cases")
  void eightBitWeightsFollowProvenance(Provenance provenance, WeightsFormat format, boolean zeroPoint) throws Exception {
    String name = "prov_" + provenance + "_" + format + "_" + zeroPoint;
    Path xml = write(model(name, zeroPoint, provenance == Provenance.FAKE_QUANTIZE), provenance);
    OpCheck.Outcome outcome = OpCheck.model(xml, dir).range("x", -3, 3)
        .options(ConvertOptions.defaults().withWeightsFormat(format)).run();
    ModelProto m = outcome.model();
    TensorProto weight = eightBitWeight(m);
    Form form = expected(format, provenance);
    String note = note(m);
    switch (form) {
      case FLOAT -> {
        assertNull(weight, "the weight is decompressed to float");
        outcome.assertNoOp("DequantizeLinear").assertNoOp("Mul");
      }
      case DEQUANTIZE_LINEAR -> {
        assertNotNull(weight, "the weight stays 8-bit");
        assertEquals("DequantizeLinear", consumer(m, weight.getName()).getOpType());
        outcome.assertNoOp("Mul").assertNoOp("Sub");
        String why = format != WeightsFormat.AUTO ? "--weights-format " + format.name().toLowerCase(java.util.Locale.ROOT)
            : provenance == Provenance.FAKE_QUANTIZE ? "FakeQuantize" : "nncf/";
        assertTrue(note != null && note.contains("as DequantizeLinear") && note.contains(why), "the note says why: " + note);
      }
      case CAST -> {
        assertNotNull(weight, "the weight stays 8-bit");
        NodeProto cast = consumer(m, weight.getName());
        assertEquals("Cast", cast.getOpType());
        assertEquals(TensorProto.DataType.FLOAT_VALUE, cast.getAttribute(0).getI());
        outcome.assertUsesOp("Mul");
        if (provenance != Provenance.FAKE_QUANTIZE) {
          outcome.assertNoOp("DequantizeLinear");
        }
        assertEquals(zeroPoint, outcome.opTypes().contains("Sub"), "Sub exactly when there is a zero point");
        assertTrue(note != null && note.contains("Cast -> [Sub] -> Mul")
                && note.contains(format == WeightsFormat.CAST ? "--weights-format cast" : "no NNCF"),
            "the note says why: " + note);
      }
    }
  }

  /** NNCF's own IRs carry f16 chains (Convert f16 → Multiply f16 → Convert f32); without the marker they stay in-graph. */
  @Test
  void halfPrecisionChainWithoutMarkerStaysInGraph() throws Exception {
    IrBuilder ir = CompressedWeightsRewriteTest.model("prov_f16", ElementType.U8, true, 6, 1, 16, true, false);
    OpCheck.Outcome outcome = OpCheck.of(ir, dir).tolerance(2e-3, 2e-3).run().assertNoOp("DequantizeLinear").assertUsesOp("Mul");
    assertNotNull(eightBitWeight(outcome.model()), "the weight stays 8-bit");
  }

  /** 4-bit weights are not affected by the provenance: MatMulNBits at the default opset, marker or not, auto or cast. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = WeightsFormat.class, names = {"AUTO", "CAST"})
  void fourBitWeightsIgnoreProvenance(WeightsFormat format) throws Exception {
    IrBuilder ir = CompressedWeightsRewriteTest.model("prov_u4_" + format, ElementType.U4, true, 8, 2, 32, true, true);
    OpCheck.of(ir, dir).options(ConvertOptions.defaults().withWeightsFormat(format)).run()
        .assertUsesOp("MatMulNBits").assertNoOp("Mul");
  }

  /** An 8-bit embedding table without the marker: the IR's Cast → Sub → Mul, then Gather. */
  @Test
  void embeddingWithoutMarkerStaysInGraph() throws Exception {
    IrBuilder ir = new IrBuilder("prov_emb");
    String ids = ir.parameter("ids", ElementType.I64, "2,5");
    String table = LlmWeightsRewriteTest.weight(ir, new Random(5), ElementType.U8, true, new long[] {40, 24},
        new long[] {40, 1}, true);
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "0"), table, ids, ir.constant("axis", ElementType.I64, new long[0], 0)));
    OpCheck.Outcome outcome = OpCheck.of(ir, dir).range("ids", 0, 39).tolerance(2e-3, 2e-3).run()
        .assertNoOp("DequantizeLinear").assertUsesOp("Gather").assertUsesOp("Mul");
    assertNotNull(eightBitWeight(outcome.model()), "the table stays 8-bit");
  }

  @Test
  void modelRtInfoIsReadByPath() throws Exception {
    Path marked = NncfMarker.write(model("rt_marked", false, false), dir, "weight_compression");
    Path plain = model("rt_plain", false, false).write(dir);
    try (Core core = Core.create();
        Model a = core.readModel(marked);
        Model b = core.readModel(plain)) {
      assertTrue(a.hasRtInfo("nncf/weight_compression"));
      assertTrue(a.hasRtInfo("nncf/weight_compression/mode"));
      assertTrue(a.hasRtInfo("nncf"));
      assertFalse(a.hasRtInfo("nncf/quantization"));
      assertFalse(a.hasRtInfo("weight_compression"));
      assertFalse(b.hasRtInfo("nncf/weight_compression"));
      assertEquals("nncf/weight_compression", CompressedWeightsRewrite.nncfMarker(a));
      assertNull(CompressedWeightsRewrite.nncfMarker(b));
      for (String bad : new String[] {"", "nncf//weight_compression", "/nncf", "nncf/"}) {
        OpenVinoException e = assertThrows(OpenVinoException.class, () -> a.hasRtInfo(bad), bad);
        assertTrue(e.getMessage().contains("empty key"), e.getMessage());
      }
    }
  }

  /** The 8-bit initializer of shape [N, K] (the weight), or null. */
  private static TensorProto eightBitWeight(ModelProto m) {
    return m.getGraph().getInitializerList().stream()
        .filter(t -> t.getDataType() == TensorProto.DataType.INT8_VALUE || t.getDataType() == TensorProto.DataType.UINT8_VALUE)
        .filter(t -> t.getDimsCount() == 2 && t.getDims(0) * t.getDims(1) >= N * K)
        .findFirst().orElse(null);
  }

  private static NodeProto consumer(ModelProto m, String value) {
    return m.getGraph().getNodeList().stream().filter(n -> n.getInputList().contains(value)).findFirst()
        .orElseThrow(() -> new AssertionError("nothing reads " + value));
  }

  private static String note(ModelProto m) {
    return m.getMetadataPropsList().stream().filter(p -> p.getKey().equals(CompressedWeightsRewrite.NOTE))
        .map(p -> p.getValue()).findFirst().orElse(null);
  }
}
