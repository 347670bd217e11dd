package org.ov2onnx.convert.ops.detection;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ExperimentalDetectronTopKROIsConverterTest {
  @TempDir Path dir;

  private static IrBuilder topk(int rois, int maxRois) {
    IrBuilder ir = new IrBuilder("topk_rois");
    String r = ir.parameter("rois", ElementType.F32, rois + ",4");
    String p = ir.parameter("probs", ElementType.F32, Integer.toString(rois));
    ir.result(ir.op("ExperimentalDetectronTopKROIs", 6, Map.of("max_rois", Integer.toString(maxRois)), r, p));
    return ir;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 12})
  void maxRois(int maxRois) throws Exception {
    OpCheck.of(topk(12, maxRois), dir).run().assertUsesOp("TopK");
  }

  @Test
  void fewerRoisThanMaxIsRefused() throws Exception {
    IrBuilder ir = topk(3, 5);
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
