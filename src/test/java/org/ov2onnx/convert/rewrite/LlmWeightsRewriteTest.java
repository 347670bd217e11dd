package org.ov2onnx.convert.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.ConvertOptions.WeightsFormat;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * The int8 token embedding of an NNCF-compressed LLM (a u8/i8 table read by Gather) against
 * OpenVINO CPU (the IR carries NNCF's rt_info marker): the compressed rows are gathered and only those are dequantized.
 */
class LlmWeightsRewriteTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /** An 8-bit [rows, cols] weight compressed as NNCF writes it, scales per row or per tensor; returns its f32 port. */
  static String weight(IrBuilder ir, Random random, ElementType storage, boolean zeroPoint, long[] shape,
      long[] scaleShape, boolean toF32) {
    boolean signed = storage == ElementType.I8;
    int n = (int) (shape[0] * shape[1]);
    ByteBuffer q = ByteBuffer.allocate(n);
    for (int i = 0; i < n; i++) {
      q.put(i, (byte) random.nextInt(256));
    }
    int scales = (int) (scaleShape[0] * scaleShape[1]);
    double[] scale = new double[scales];
    ByteBuffer zp = ByteBuffer.allocate(scales);
    for (int i = 0; i < scales; i++) {
      scale[i] = 0.01 + random.nextDouble() * 0.05;
      zp.put(i, (byte) (signed ? random.nextInt(41) - 20 : 108 + random.nextInt(41)));
    }
    String value = ir.op("Convert", 1, Map.of("destination_type", "f16"), ir.constant("w", storage, shape, q));
    if (zeroPoint) {
      String z = ir.op("Convert", 1, Map.of("destination_type", "f16"), ir.constant("zp", storage, scaleShape, zp));
      value = ir.op("Subtract", 1, NUMPY, value, z);
    }
    value = ir.op("Multiply", 1, NUMPY, value, ir.constant("scale", ElementType.F16, scaleShape, scale));
    return toF32 ? ir.op("Convert", 1, Map.of("destination_type", "f32"), value) : value;
  }

  @ParameterizedTest(name = "{0} zp={1} per_row={2} indices {3} gather v{4} f32={5}")
  @CsvSource({
    "u8, true, true, i32, 8, true",
    "u8, true, true, i64, 7, true",
    "i8, false, true, i64, 8, true",
    "u8, true, false, i32, 8, true",
    "u8, true, true, i64, 8, false"
  })
  void embeddingGathersCompressedRows(String type, boolean zp, boolean perRow, String indexType, int version, boolean toF32)
      throws Exception {
    String name = "emb_" + type + zp + perRow + indexType + version + toF32;
    IrBuilder ir = new IrBuilder(name);
    String ids = ir.parameter("ids", ElementType.fromOvName(indexType), "2,5");
    long vocab = 40;
    long hidden = 24;
    String table = weight(ir, new Random(name.hashCode()), ElementType.fromOvName(type), zp, new long[] {vocab, hidden},
        perRow ? new long[] {vocab, 1} : new long[] {1, 1}, toF32);
    String axis = ir.constant("axis", ElementType.I64, new long[0], 0);
    Map<String, String> attrs = version == 8 ? Map.of("batch_dims", "0") : Map.of();
    ir.result(ir.op("Gather", version, attrs, table, ids, axis));
    var outcome = OpCheck.model(NncfMarker.compressed(ir, dir), dir).range("ids", 0, vocab - 1).run().assertUsesOp("DequantizeLinear");
    NodeProto dq = outcome.model().getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("DequantizeLinear")).findFirst().orElseThrow();
    String producer = outcome.model().getGraph().getNodeList().stream()
        .filter(n -> n.getOutputList().contains(dq.getInput(0))).map(NodeProto::getOpType).findFirst().orElse("initializer");
    assertEquals("Gather", producer, "DequantizeLinear reads the gathered compressed rows, not the whole table");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FLOAT, false", "AUTO, true"})
  void embeddingIsFloatWhenAskedFor(WeightsFormat format, boolean dequantize) throws Exception {
    IrBuilder ir = new IrBuilder("embf_" + format + dequantize);
    String ids = ir.parameter("ids", ElementType.I64, "3");
    String table = weight(ir, new Random(3), ElementType.U8, true, new long[] {16, 8}, new long[] {16, 1}, true);
    ir.result(ir.op("Gather", 8, Map.of("batch_dims", "0"), table, ids, ir.constant("axis", ElementType.I64, new long[0], 0)));
    OpCheck.model(NncfMarker.compressed(ir, dir), dir).range("ids", 0, 15).options(ConvertOptions.defaults().withWeightsFormat(format).withDequantize(dequantize))
        .run().assertNoOp("DequantizeLinear");
  }
}
