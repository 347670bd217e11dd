package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ReverseSequenceConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"0, 1, i64", "1, 0, i32", "2, 1, i32", "-1, 0, f32", "1, 3, i64"})
  void axesAndLengthTypes(int batch, int seq, String lengthType) throws Exception {
    long[] shape = {3, 4, 5, 6};
    int b = batch < 0 ? batch + 4 : batch;
    IrBuilder ir = new IrBuilder("revseq");
    String x = ir.parameter("x", ElementType.F32, "3,4,5,6");
    String lengths = ir.parameter("lengths", ElementType.fromOvName(lengthType), Long.toString(shape[b]));
    ir.result(ir.op("ReverseSequence", 1, Map.of("batch_axis", Integer.toString(batch), "seq_axis", Integer.toString(seq)), x, lengths));
    OpCheck.of(ir, dir).range("lengths", 1, shape[seq]).run().assertUsesOp("ReverseSequence");
  }
}
