package org.ov2onnx.convert.ops.signal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.UnsupportedOperationsException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** ISTFT-16 against OpenVINO CPU on random spectra and windows. */
class ISTFTConverterTest {
  @TempDir Path dir;

  /** batch 0: 3-D data; length -1: no signal_length input. */
  private static IrBuilder istft(long batch, long frameSize, long step, long window, boolean center, boolean normalized,
      long length) {
    IrBuilder ir = new IrBuilder("istft");
    long bins = frameSize / 2 + 1;
    String data = ir.parameter("data", ElementType.F32, (batch > 0 ? batch + "," : "") + bins + ",5,2");
    String w = ir.parameter("window", ElementType.F32, Long.toString(window));
    List<String> inputs = new ArrayList<>(List.of(data, w, ir.constant("frame_size", ElementType.I64, new long[0], frameSize),
        ir.constant("frame_step", ElementType.I64, new long[0], step)));
    if (length >= 0) {
      inputs.add(ir.constant("signal_length", ElementType.I64, new long[0], length));
    }
    ir.result(ir.op("ISTFT", 16, Map.of("center", Boolean.toString(center), "normalized", Boolean.toString(normalized)),
        inputs.toArray(String[]::new)));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({
    "2, 16, 4, 12, true, false, -1, 18",
    "1, 16, 4, 16, false, true, -1, 21",
    "0, 15, 5, 15, true, true, -1, 18",
    "2, 16, 4, 10, false, false, 30, 21",
    "2, 16, 4, 16, true, false, 60, 18",
    "2, 8, 8, 8, false, false, -1, 21",
    "2, 16, 6, 7, false, false, -1, 18",
    "2, 9, 3, 9, true, true, 50, 21",
    "0, 15, 4, 9, true, false, -1, 21"
  })
  void overlapAddsAsOpenVino(long batch, long frameSize, long step, long window, boolean center, boolean normalized,
      long length, int opset) throws Exception {
    OpCheck.of(istft(batch, frameSize, step, window, center, normalized, length), dir)
        .range("window", 0.1, 1).tolerance(1e-4, 1e-4).opset(opset).run().assertUsesOp("Col2Im");
  }

  /** The overlap-add needs Col2Im, which came with opset 18. */
  @Test
  void needsOpset18() throws Exception {
    Path xml = istft(2, 16, 4, 16, true, false, -1).write(dir);
    var e = assertThrows(UnsupportedOperationsException.class,
        () -> new Converter().convert(xml, dir.resolve("istft.onnx"), ConvertOptions.defaults().withOpset(17)));
    assertTrue(e.getMessage().contains("--opset 18"), e.getMessage());
  }

  /** A frame size whose inverse-DFT matrix would be gigabytes is refused, not allocated. */
  @Test
  void refusesAFrameSizeBeyondTheBound() throws Exception {
    Path xml = istft(2, 50_000, 4, 16, true, false, -1).write(dir);
    var e = assertThrows(org.ov2onnx.convert.spi.ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("istft-big.onnx"), ConvertOptions.defaults().withOpset(18)));
    assertTrue(e.getMessage().contains("frame sizes up to 4096"), e.getMessage());
  }
}
