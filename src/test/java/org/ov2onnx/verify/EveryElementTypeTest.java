package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;

/**
 * verify with inputs and outputs of the types ONNX Runtime's Java API cannot carry: they travel
 * through exact casts at the graph's edges ({@link EdgeCasts}), and the user's ONNX file stays
 * untouched.
 */
class EveryElementTypeTest {
  @TempDir Path dir;

  /**
   * x (TYPE) -> Convert f32 -> out_f32, and y -> Convert TYPE -> out_typed, where y is i32 for the
   * integer types (exact) and f32 for f8 (rounds to nearest even in both runtimes).
   */
  @ParameterizedTest
  @EnumSource(names = {"U16", "U32", "U64", "F8E4M3", "F8E5M2", "I4", "U4"})
  void verifyRunsModelsWithThisTypeAtBothEdges(ElementType type) throws Exception {
    IrBuilder ir = new IrBuilder("edges");
    boolean integral = type == ElementType.U16 || type == ElementType.U32 || type == ElementType.U64 || type == ElementType.I4 || type == ElementType.U4;
    String x = ir.parameter("x", type, "2,5");
    String y = ir.parameter("y", integral ? ElementType.I32 : ElementType.F32, "2,5");
    ir.result(ir.namedOp("out_f32", "Convert", 1, Map.of("destination_type", "f32"), 1, x).get(0));
    ir.result(ir.namedOp("out_typed", "Convert", 1, Map.of("destination_type", type.ovName()), 1, y).get(0));
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("edges.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults().withOpset(21));
    byte[] before = Files.readAllBytes(onnx);
    // x: 0..9 (i4: 0..7) or N(0,1) rounded to f8; y: 0..7 or uniform in -4..4
    VerifyOptions options = VerifyOptions.defaults().withRanges(Map.of("y", integral ? new double[] {0, 7} : new double[] {-4, 4}));
    VerifyReport r = Verifier.verify(xml, onnx, options);
    assertTrue(r.passed(), r.toConsole());
    assertEquals(type, r.outputs().get(1).type(), r.toConsole());
    assertTrue(r.outputs().get(0).scale() > 0, "the inputs were not all zero: " + r.toConsole());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(onnx)), "the user's ONNX file changed");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".ov2onnx")).toList(), "temporary copies left behind");
    }
  }

  /** The carrier keeps every value: u64 above 2^63, f8 infinities and NaN, negative i4. */
  @ParameterizedTest
  @EnumSource(names = {"U64", "F8E5M2", "F8E4M3", "I4"})
  void extremeValuesSurviveTheRoundTripThroughOnnxRuntime(ElementType type) throws Exception {
    IrBuilder ir = new IrBuilder("identity");
    String x = ir.parameter("x", type, "4");
    // a real node between the edges, one that ONNX allows and ONNX Runtime implements for the type
    if (type == ElementType.U64) {
      ir.result(ir.namedOp("twice", "Concat", 1, Map.of("axis", "0"), 1, x, x).get(0));
    } else if (type == ElementType.I4) {
      // ONNX Runtime implements almost nothing on int4 but Cast
      ir.result(ir.namedOp("widened", "Convert", 1, Map.of("destination_type", "i8"), 1, x).get(0));
    } else {
      ir.result(ir.namedOp("reshaped", "Reshape", 1, Map.of("special_zero", "false"), 1, x, ir.ints("shape", 2, 2)).get(0));
    }
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("identity.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults().withOpset(21));
    double[] values = switch (type) {
      case U64 -> new double[] {0, 0x1p63, 0x1p64 - 2048, 12345};
      case F8E5M2 -> new double[] {Double.POSITIVE_INFINITY, -57344, Math.scalb(1.0, -16), -0.0};
      case F8E4M3 -> new double[] {448, -448, Math.scalb(1.0, -9), Double.NaN};
      default -> new double[] {-8, 7, -1, 0};
    };
    Tensor input = Tensor.of(type, new long[] {4}, TensorValues.encode(type, values));
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
      assertEquals(List.of("x"), ort.inputNames());
      Tensor out = ort.run(Map.of("x", input), null).values().iterator().next();
      assertEquals(type == ElementType.I4 ? ElementType.I8 : type, out.elementType());
      double[] got = TensorValues.of(out);
      for (int i = 0; i < got.length; i++) {
        double want = values[i % 4];
        assertTrue(Double.compare(want, got[i]) == 0, type + " element " + i + ": " + got[i] + " instead of " + want);
      }
    }
  }
}
