package org.ov2onnx.convert.ops.elementwise;

import static org.ov2onnx.openvino.ElementType.BF16;
import static org.ov2onnx.openvino.ElementType.BOOLEAN;
import static org.ov2onnx.openvino.ElementType.F32;
import static org.ov2onnx.openvino.ElementType.I16;
import static org.ov2onnx.openvino.ElementType.I32;
import static org.ov2onnx.openvino.ElementType.I4;
import static org.ov2onnx.openvino.ElementType.I64;
import static org.ov2onnx.openvino.ElementType.I8;
import static org.ov2onnx.openvino.ElementType.U16;
import static org.ov2onnx.openvino.ElementType.U32;
import static org.ov2onnx.openvino.ElementType.U4;
import static org.ov2onnx.openvino.ElementType.U64;
import static org.ov2onnx.openvino.ElementType.U8;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * The element types ONNX allows for an operator but ONNX Runtime 1.23.2's CPU provider has no
 * kernel for (the model is valid, yet no session can be created), in one table; and the exact
 * detour through a wider type ONNX Runtime implements. (TopK over bf16 is listed too: ONNX's
 * TopK does not even take bf16, and the detour makes that conversion valid.) The table was measured by creating an
 * ONNX Runtime session for a one-node model of each (operator, type) at opsets 13, 17 and 21
 * ({@code OrtKernelsTableTest} checks every entry and its carrier at opset 21);
 * {@code OrtKernelsTest} runs the converters that use it on those types against OpenVINO's CPU
 * plugin.
 *
 * <p>The carrier holds every value of the type exactly and keeps their order: bf16 runs as f32,
 * boolean as u8, i4 and u4 as i16, the 8- and 16-bit integers and u32 as i32 or i64, and
 * u64 as i64 shifted by -2^63 (x - 2^63 in u64 arithmetic, then a two's complement cast: an
 * order-preserving bijection, undone by the reverse cast and + 2^63). The operators here only
 * select, compare, order or move values (Max, Min, Clip, Where, TopK, Equal; Reshape, Squeeze,
 * Unsqueeze, Identity, Flatten), so their results in the carrier are values of the original type,
 * and casting them back is exact.
 */
public final class OrtKernels {
  private static final Set<ElementType> FOUR_BIT = Set.of(I4, U4);

  private static final Set<ElementType> SMALL_INTS_BF16 = Set.copyOf(EnumSet.of(I8, I16, U8, U16, BF16));

  /** ONNX operator → the types ONNX allows for it that ONNX Runtime 1.23.2 (CPU) cannot run. */
  static final Map<String, Set<ElementType>> LACKING = Map.ofEntries(
      Map.entry("Max", SMALL_INTS_BF16),
      Map.entry("Min", SMALL_INTS_BF16),
      Map.entry("Clip", Set.copyOf(EnumSet.of(I16, U16, BF16))),
      Map.entry("Where", Set.copyOf(EnumSet.of(I8, I16, U16, U32, U64, BF16, BOOLEAN))),
      Map.entry("TopK", Set.copyOf(EnumSet.of(I8, I16, U8, U16, U32, U64, BF16))),
      Map.entry("Equal", Set.of(BF16)),
      Map.entry("Reshape", FOUR_BIT),
      Map.entry("Unsqueeze", FOUR_BIT),
      Map.entry("Squeeze", FOUR_BIT),
      Map.entry("Identity", FOUR_BIT),
      Map.entry("Flatten", FOUR_BIT));

  private OrtKernels() {}

  /** Whether ONNX Runtime has no kernel for {@code onnxOp} over {@code type}. */
  public static boolean lacks(String onnxOp, ElementType type) {
    return LACKING.getOrDefault(onnxOp, Set.of()).contains(type);
  }

  /** How {@code onnxOp} over {@code type} runs on ONNX Runtime: directly, or through a carrier type. */
  public static Detour detour(String onnxOp, ElementType type) {
    return new Detour(type, lacks(onnxOp, type) ? carrier(type) : type);
  }

  /** The wider type that holds every value of {@code type} in the same order. */
  static ElementType carrier(ElementType type) {
    return switch (type) {
      case BF16 -> F32;
      case BOOLEAN -> U8;
      case I4, U4 -> I16; // not i8/u8: ONNX Runtime 1.23.2 casts 4-bit values to 8-bit ones wrongly inside a graph
      case I8, I16, U8, U16 -> I32;
      case U32, U64 -> I64;
      default -> throw new IllegalArgumentException("no carrier type for " + type);
    };
  }

  /**
   * One operator's way through ONNX Runtime: {@code in} brings each value of {@link #type} into
   * the {@link #carrier}, {@code out} names what the operator writes and {@code back} brings that
   * to the node's output. All three are no-ops when the carrier is the type itself.
   */
  public record Detour(ElementType type, ElementType carrier) {
    /** Whether the operator runs in another type. */
    public boolean needed() {
      return type != carrier;
    }

    /** {@code value} (of {@link #type}) in the carrier type. */
    public String in(GraphBuilder graph, String value) throws ConversionException {
      if (!needed()) {
        return value;
      }
      if (type == U64) { // x - 2^63, wrapping, then reinterpreted: keeps the order
        value = graph.addOne(OnnxNode.op("Sub").inputs(value, graph.scalar(U64, 0x1p63)));
      }
      return graph.cast(value, carrier);
    }

    /** The name the operator writes its (typed) output under: {@code output}, or a fresh one to cast back. */
    public String out(GraphBuilder graph, String output) {
      return needed() ? graph.fresh(output + "/" + carrier.name().toLowerCase(java.util.Locale.ROOT)) : output;
    }

    /** Writes {@code written} (from {@link #out}) to {@code output} in {@link #type}. */
    public void back(GraphBuilder graph, String written, String output) throws ConversionException {
      if (!needed()) {
        return;
      }
      if (type == U64) {
        String unsigned = graph.cast(written, U64);
        graph.add(OnnxNode.op("Add").inputs(unsigned, graph.scalar(U64, 0x1p63)).outputs(output));
        return;
      }
      graph.add(OnnxNode.op("Cast").inputs(written).outputs(output).attr("to", (long) graph.onnxType(type)));
    }
  }
}
