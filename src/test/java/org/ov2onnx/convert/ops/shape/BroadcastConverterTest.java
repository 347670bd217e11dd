package org.ov2onnx.convert.ops.shape;

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

class BroadcastConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void numpy(int version) throws Exception {
    IrBuilder ir = new IrBuilder("broadcast_numpy");
    String x = ir.parameter("x", ElementType.F32, "3,1");
    ir.result(ir.op("Broadcast", version, Map.of("mode", "numpy"), x, ir.ints("shape", 2, 3, 4)));
    OpCheck.of(ir, dir).run().assertUsesOp("Expand");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void explicitWithAxesMapping(int version) throws Exception {
    IrBuilder ir = new IrBuilder("broadcast_explicit");
    String x = ir.parameter("x", ElementType.F32, "3,1");
    ir.result(ir.op("Broadcast", version, Map.of("mode", "explicit"), x, ir.ints("shape", 2, 3, 4, 5),
        ir.ints("axes", 1, 3)));
    OpCheck.of(ir, dir).run().assertUsesOp("Unsqueeze");
  }

  @Test
  void bidirectional() throws Exception {
    IrBuilder ir = new IrBuilder("broadcast_bidi");
    String x = ir.parameter("x", ElementType.I32, "2,1,4");
    ir.result(ir.op("Broadcast", 3, Map.of("mode", "bidirectional"), x,
        ir.constant("shape", ElementType.I32, new long[] {2}, 3, 1)));
    OpCheck.of(ir, dir).opset(13).run();
  }

  @Test
  void dynamicTargetShape() throws Exception {
    IrBuilder ir = new IrBuilder("broadcast_dyn");
    String x = ir.parameter("x", ElementType.F32, "1,4");
    String like = ir.parameter("like", ElementType.F32, "3,4");
    ir.result(ir.op("Broadcast", 3, Map.of("mode", "numpy"), x, ir.op("ShapeOf", 3, Map.of("output_type", "i64"), like)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void refusesPdpd() throws Exception {
    IrBuilder ir = new IrBuilder("broadcast_pdpd");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    ir.result(ir.op("Broadcast", 3, Map.of("mode", "pdpd"), x, ir.ints("shape", 2, 3)));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
