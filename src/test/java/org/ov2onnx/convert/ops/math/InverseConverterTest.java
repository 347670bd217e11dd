package org.ov2onnx.convert.ops.math;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class InverseConverterTest {
  @TempDir Path dir;

  /**
   * Random matrices plus a diagonal of n (kept well-conditioned), and random ones without it
   * (pivoting matters there); the stated tolerance covers the different rounding of LU.
   */
  @ParameterizedTest
  @CsvSource({"'4,4', 4, false, f32", "'2,3,5,5', 5, true, f32", "'3,3', 0, false, f32", "'2,6,6', 0, true, f32",
      "'?,4,4', 4, false, f32", "'3,3', 3, true, f64", "'1,1', 0, false, f32"})
  void inverse(String shape, int diagonal, boolean adjoint, String type) throws Exception {
    IrBuilder ir = new IrBuilder("inverse");
    ElementType t = ElementType.fromOvName(type);
    String x = ir.parameter("x", t, shape);
    String[] dims = shape.split(",");
    int n = Integer.parseInt(dims[dims.length - 1]);
    double[] eye = new double[n * n];
    for (int i = 0; i < n; i++) {
      eye[i * n + i] = diagonal;
    }
    String shifted = ir.op("Add", 1, Map.of("auto_broadcast", "numpy"), x, ir.constant("eye", t, new long[] {n, n}, eye));
    ir.result(ir.op("Inverse", 14, Map.of("adjoint", Boolean.toString(adjoint)), shifted));
    OpCheck check = OpCheck.of(ir, dir);
    if (shape.startsWith("?")) {
      check.shape("x", 3, n, n);
    }
    check.tolerance(1e-4, 1e-3).run().assertUsesOp("Div");
  }
}
