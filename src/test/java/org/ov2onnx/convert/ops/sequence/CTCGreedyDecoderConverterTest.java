package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class CTCGreedyDecoderConverterTest {
  @TempDir Path dir;

  /** Three classes (blank 2) over 8 steps make repeats and blanks likely; sequence 1 ends at step 5. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void decodes(boolean merge) throws Exception {
    IrBuilder ir = new IrBuilder("ctc");
    String x = ir.parameter("x", ElementType.F32, "8,3,3");
    double[] mask = new double[24];
    for (int t = 0; t < 8; t++) {
      mask[t * 3] = 1;
      mask[t * 3 + 1] = t < 5 ? 1 : 0;
      mask[t * 3 + 2] = t == 3 ? 0 : 1;
    }
    ir.result(ir.op("CTCGreedyDecoder", 1, Map.of("ctc_merge_repeated", Boolean.toString(merge)), x,
        ir.constant("mask", ElementType.F32, new long[] {8, 3}, mask)));
    OpCheck.of(ir, dir).run().assertUsesOp("ScatterElements");
  }
}
