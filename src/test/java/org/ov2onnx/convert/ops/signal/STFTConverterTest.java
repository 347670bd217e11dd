package org.ov2onnx.convert.ops.signal;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class STFTConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"'2,48', 16, 16, 4, false, 17", "'2,48', 16, 16, 4, true, 20", "'50', 12, 12, 5, true, 17", "'3,40', 8, 11, 3, false, 21",
      "'40', 5, 8, 8, true, 18"})
  void stft(String shape, int window, int frame, int step, boolean transpose, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("stft");
    String x = ir.parameter("x", ElementType.F32, shape);
    String w = ir.parameter("w", ElementType.F32, Integer.toString(window));
    ir.result(ir.op("STFT", 15, Map.of("transpose_frames", Boolean.toString(transpose)), x, w,
        ir.constant("frame", ElementType.I64, new long[0], frame), ir.constant("step", ElementType.I32, new long[0], step)));
    OpCheck.of(ir, dir).opset(opset).tolerance(1e-4, 1e-4).run().assertUsesOp("STFT");
  }
}
