package org.ov2onnx.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.testing.OpCheck;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.testing.IrBuilder;

/**
 * Every type-agnostic operation this sweep knows, over every element type, at opsets 17 and 21:
 * the conversion either refuses (a ConversionException naming the node) or writes a model that
 * meets ONNX's type constraints. The type gate ({@link OnnxTypeCheck}) is the judge: a converter
 * that emits a type its ONNX op does not take makes the write fail with TypeConstraintException.
 * (Operations that other work owns, elementwise ones, TopK, Pad, Split, Squeeze, are left out;
 * VariadicSplit, which writes Split, is known to fail over float8 and 4-bit types and is left out too.)
 */
class TypeSweepTest {
  @TempDir Path dir;

  static final ElementType[] TYPES = {
    ElementType.F8E4M3, ElementType.F8E5M2, ElementType.I4, ElementType.U4, ElementType.BF16, ElementType.F16,
    ElementType.F64, ElementType.U16, ElementType.U32, ElementType.U64, ElementType.I16, ElementType.I8,
    ElementType.U8, ElementType.BOOLEAN
  };

  /** An operation over x (of the swept type, shape [2,4]); returns the port to convert back to f32. */
  static final Map<String, BiFunction<IrBuilder, String, String>> OPS = new java.util.LinkedHashMap<>();

  static {
    OPS.put("Reshape", (ir, x) -> ir.op("Reshape", 1, Map.of("special_zero", "false"), x, ir.ints("shape", 4, 2)));
    OPS.put("Transpose", (ir, x) -> ir.op("Transpose", 1, Map.of(), x, ir.ints("order", 1, 0)));
    OPS.put("Unsqueeze", (ir, x) -> ir.op("Unsqueeze", 1, Map.of(), x, ir.ints("axes", 0)));
    OPS.put("Broadcast", (ir, x) -> ir.op("Broadcast", 3, Map.of("mode", "numpy"), x, ir.ints("shape", 3, 2, 4)));
    OPS.put("Tile", (ir, x) -> ir.op("Tile", 1, Map.of(), x, ir.ints("repeats", 2, 1)));
    OPS.put("Gather", (ir, x) -> ir.op("Gather", 8, Map.of("batch_dims", "0"), x, ir.ints("idx", 1, 0),
        ir.constant("axis", ElementType.I64, new long[0], 1)));
    OPS.put("Slice", (ir, x) -> ir.op("Slice", 8, Map.of(), x, ir.ints("start", 1), ir.ints("stop", 3),
        ir.ints("step", 1), ir.ints("axes", 1)));
    OPS.put("StridedSlice", (ir, x) -> ir.op("StridedSlice", 1, Map.of("begin_mask", "0,0", "end_mask", "0,0"), x,
        ir.ints("begin", 0, 1), ir.ints("end", 2, 3), ir.ints("strides", 1, 1)));
    OPS.put("Reverse", (ir, x) -> ir.op("Reverse", 1, Map.of("mode", "index"), x, ir.ints("axes", 1)));
    OPS.put("Roll", (ir, x) -> ir.op("Roll", 7, Map.of(), x, ir.ints("shift", 1), ir.ints("axes", 1)));
    OPS.put("Select", (ir, x) -> ir.op("Select", 1, Map.of("auto_broadcast", "numpy"),
        ir.constant("c", ElementType.BOOLEAN, new long[] {4}, 1, 0, 1, 0), x, ir.op("Reverse", 1, Map.of("mode", "index"), x,
            ir.ints("axes", 1))));
    OPS.put("GatherElements", (ir, x) -> ir.op("GatherElements", 6, Map.of("axis", "1"), x,
        ir.constant("gi", ElementType.I64, new long[] {2, 2}, 0, 3, 2, 1)));
    OPS.put("GatherND", (ir, x) -> ir.op("GatherND", 8, Map.of("batch_dims", "0"), x,
        ir.constant("ni", ElementType.I64, new long[] {1, 2}, 1, 2)));
    OPS.put("ScatterUpdate", (ir, x) -> ir.op("ScatterUpdate", 3, Map.of(), x, ir.ints("si", 1),
        ir.op("Gather", 8, Map.of("batch_dims", "0"), x, ir.ints("g0", 0), ir.constant("ga", ElementType.I64, new long[0], 0)),
        ir.constant("sa", ElementType.I64, new long[0], 0)));
    OPS.put("ScatterNDUpdate", (ir, x) -> ir.op("ScatterNDUpdate", 3, Map.of(), x,
        ir.constant("nu", ElementType.I64, new long[] {1, 1}, 1),
        ir.op("Gather", 8, Map.of("batch_dims", "0"), x, ir.ints("g1", 0), ir.constant("gb", ElementType.I64, new long[0], 0))));
    OPS.put("ReduceMax", (ir, x) -> ir.op("ReduceMax", 1, Map.of("keep_dims", "false"), x, ir.ints("ra", 1)));
    OPS.put("ReduceMin", (ir, x) -> ir.op("ReduceMin", 1, Map.of("keep_dims", "false"), x, ir.ints("rb", 1)));
    OPS.put("ReduceSum", (ir, x) -> ir.op("ReduceSum", 1, Map.of("keep_dims", "false"), x, ir.ints("rc", 1)));
    OPS.put("ReduceProd", (ir, x) -> ir.op("ReduceProd", 1, Map.of("keep_dims", "false"), x, ir.ints("rd", 1)));
    OPS.put("CumSum", (ir, x) -> ir.op("CumSum", 3, Map.of("exclusive", "false", "reverse", "false"), x,
        ir.constant("ca", ElementType.I64, new long[0], 1)));
    OPS.put("NonZero", (ir, x) -> ir.op("NonZero", 3, Map.of("output_type", "i64"), x));
    OPS.put("ShapeOf", (ir, x) -> ir.op("ShapeOf", 3, Map.of("output_type", "i64"), x));
    OPS.put("MatMul", (ir, x) -> ir.op("MatMul", 0, Map.of("transpose_a", "false", "transpose_b", "true"), x, x));
    OPS.put("ShuffleChannels", (ir, x) -> ir.op("ShuffleChannels", 1, Map.of("axis", "1", "group", "2"), x));
    OPS.put("ScatterElementsUpdate", (ir, x) -> ir.op("ScatterElementsUpdate", 3, Map.of(), x,
        ir.constant("ei", ElementType.I64, new long[] {1, 1}, 2), ir.op("Slice", 8, Map.of(), x, ir.ints("s0", 0, 0),
            ir.ints("s1", 1, 1), ir.ints("s2", 1, 1), ir.ints("s3", 0, 1)), ir.constant("ea", ElementType.I64, new long[0], 1)));
    OPS.put("ReduceMean", (ir, x) -> ir.op("ReduceMean", 1, Map.of("keep_dims", "false"), x, ir.ints("re", 1)));
    OPS.put("ReduceL1", (ir, x) -> ir.op("ReduceL1", 4, Map.of("keep_dims", "false"), x, ir.ints("rf", 1)));
    OPS.put("Convert", (ir, x) -> x); // f32 -> T -> f32 alone
  }

  @Test
  void noConverterWritesATypeItsOnnxOpDoesNotTake() throws Exception {
    List<String> violations = new ArrayList<>();
    int written = 0;
    int refused = 0;
    for (int opset : new int[] {17, 21}) {
      for (Map.Entry<String, BiFunction<IrBuilder, String, String>> op : OPS.entrySet()) {
        for (ElementType type : TYPES) {
          String name = op.getKey() + "_" + type.name().toLowerCase() + "_" + opset;
          IrBuilder ir = new IrBuilder(name);
          String x = ir.op("Convert", 1, Map.of("destination_type", type.name().toLowerCase()),
              ir.parameter("x", ElementType.F32, "2,4"));
          ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), op.getValue().apply(ir, x)));
          Path xml = ir.write(dir);
          Path out = dir.resolve(name + ".onnx");
          try {
            new Converter().convert(xml, out, ConvertOptions.defaults().withOpset(opset));
            written++;
          } catch (OnnxTypeCheck.TypeConstraintException e) {
            violations.add(op.getKey() + " over " + type + " at opset " + opset + ": " + e.getMessage());
          } catch (ConversionException e) {
            refused++;
          } catch (OpenVinoException e) {
            // OpenVINO itself refuses this operation over this type: nothing to convert
          }
          Files.deleteIfExists(out);
        }
      }
    }
    System.out.println("TypeSweepTest: " + written + " written, " + refused + " refused, " + violations.size() + " violations");
    violations.forEach(v -> System.out.println("VIOLATION " + v));
    assertTrue(written > 100, "only " + written + " conversions written");
    assertTrue(violations.isEmpty(), violations.size() + " conversions break ONNX's type constraints:\n" + String.join("\n", violations));
  }

  /**
   * The conversions the sweep found breaking ONNX's type constraints, now carried in a wider type
   * ({@code convert/ops/TypeCarrier}), against OpenVINO's CPU plugin: f32 input, Convert to the
   * type (integers rounded first, in range), the operation, Convert back to f32.
   */
  @ParameterizedTest
  @CsvSource({
    "Gather, i4", "Gather, f8e4m3", "GatherElements, u4", "GatherND, f8e5m2", "Tile, f8e4m3", "Tile, i4",
    "Broadcast, u4", "Slice, f8e5m2", "StridedSlice, i4", "Reverse, u4", "Roll, f8e4m3", "ScatterUpdate, i4",
    "Select, i4", "NonZero, i4", "ReduceMax, i16", "ReduceMin, f8e4m3", "ReduceMax, u4", "ReduceSum, i8",
    "ReduceSum, u16", "ReduceProd, u8", "CumSum, i8", "CumSum, u16", "ScatterElementsUpdate, f8e4m3",
    "ScatterElementsUpdate, u4", "ReduceL1, i8", "ReduceL1, u16"
  })
  void carriedConversionsMatchOpenVino(String op, String typeName) throws Exception {
    ElementType type = ElementType.valueOf(typeName.toUpperCase());
    boolean integer = !typeName.startsWith("f8");
    IrBuilder ir = new IrBuilder(op + "_" + typeName);
    String x = ir.parameter("x", ElementType.F32, "2,4");
    String narrow = ir.op("Convert", 1, Map.of("destination_type", typeName),
        integer ? ir.op("Round", 5, Map.of("mode", "half_to_even"), x) : x);
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), OPS.get(op).apply(ir, narrow)));
    double lo = switch (typeName) {
      case "u4", "u8", "u16" -> 0;
      case "i4" -> -8;
      default -> -4;
    };
    double hi = switch (typeName) {
      case "u4" -> 15;
      case "i4" -> 7;
      default -> 4;
    };
    OpCheck.of(ir, dir).opset(21).range("x", lo, hi).run();
  }
}
