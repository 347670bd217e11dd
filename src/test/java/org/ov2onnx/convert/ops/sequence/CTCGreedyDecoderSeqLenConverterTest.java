package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class CTCGreedyDecoderSeqLenConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"true, -1, i32, i32", "false, -1, i64, i32", "true, 0, i32, i64", "false, 1, i64, i64"})
  void decodes(boolean merge, int blank, String classType, String lengthType) throws Exception {
    IrBuilder ir = new IrBuilder("ctc_seqlen");
    String x = ir.parameter("x", ElementType.F32, "3,9,3");
    String lengths = ir.parameter("lengths", ElementType.I32, "3");
    Map<String, String> attrs = Map.of("merge_repeated", Boolean.toString(merge), "classes_index_type", classType,
        "sequence_length_type", lengthType);
    var out = blank < 0 ? ir.op("CTCGreedyDecoderSeqLen", 6, attrs, 2, x, lengths)
        : ir.op("CTCGreedyDecoderSeqLen", 6, attrs, 2, x, lengths, ir.constant("blank", ElementType.I32, new long[0], blank));
    out.forEach(ir::result);
    OpCheck.of(ir, dir).range("lengths", 0, 9).run().assertUsesOp("ScatterElements");
  }
}
