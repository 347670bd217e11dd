package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** Maximum(x, lo) → Minimum(hi) with scalar constants, lo ≤ hi, is one Clip; checked against OpenVINO. */
class ClipFusionTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "Maximum,Minimum,0,6,1,false,f32,Clip",
    "Maximum,Minimum,-1,1,1 1,false,f16,Clip",
    "Maximum,Minimum,2,2,1,false,f32,Clip",
    "Minimum,Maximum,6,0,1,false,f32,Min Max",
    "Maximum,Minimum,6,0,1,false,f32,Max Min",
    "Maximum,Minimum,0,6,4,false,f32,Max Min",
    "Maximum,Minimum,0,6,1,true,f32,Max Min",
    "Maximum,Minimum,0,6,1,false,i32,Max Min"
  })
  void chains(String first, String second, double a, double b, String constShape, boolean shared, String type,
      String expected) throws Exception {
    ElementType t = ElementType.fromOvName(type);
    IrBuilder ir = new IrBuilder("clip");
    String x = ir.parameter("x", t, "2,3,4");
    String[] dims = constShape.split(" ");
    long[] shape = new long[dims.length];
    double[] values = new double[Integer.parseInt(dims[dims.length - 1])];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Long.parseLong(dims[i]);
    }
    java.util.Arrays.fill(values, a);
    // the constant first in the first node: either input order is fused
    String y = ir.op(first, 1, Map.of("auto_broadcast", "numpy"), ir.constant("a", t, shape, values), x);
    ir.result(ir.op(second, 1, Map.of("auto_broadcast", "numpy"), y, ir.constant("b", t, new long[0], b)));
    if (shared) {
      ir.result(y);
    }
    var out = OpCheck.of(ir, dir).range("x", -8, 8).run();
    assertEquals(List.of(expected.split(" ")), out.opTypes());
  }
}
