package org.ov2onnx.convert.ops.indexing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SelectConverterTest {
  @TempDir Path dir;

  @Test
  void numpyBroadcasting() throws Exception {
    IrBuilder ir = new IrBuilder("select");
    String c = ir.parameter("c", ElementType.BOOLEAN, "3,1");
    String a = ir.parameter("a", ElementType.F32, "3,4");
    String b = ir.parameter("b", ElementType.F32, "4");
    ir.result(ir.op("Select", 1, Map.of("auto_broadcast", "numpy"), c, a, b));
    OpCheck.of(ir, dir).run().assertUsesOp("Where");
  }

  @Test
  void noBroadcasting() throws Exception {
    IrBuilder ir = new IrBuilder("select_none");
    String c = ir.parameter("c", ElementType.BOOLEAN, "2,3");
    String a = ir.parameter("a", ElementType.I32, "2,3");
    String b = ir.parameter("b", ElementType.I32, "2,3");
    ir.result(ir.op("Select", 1, Map.of("auto_broadcast", "none"), c, a, b));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void refusesPdpd() throws Exception {
    IrBuilder ir = new IrBuilder("select_pdpd");
    String c = ir.parameter("c", ElementType.BOOLEAN, "2,3");
    String a = ir.parameter("a", ElementType.F32, "2,3");
    String b = ir.parameter("b", ElementType.F32, "2,3");
    ir.result(ir.op("Select", 1, Map.of("auto_broadcast", "pdpd"), c, a, b));
    assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
  }
}
