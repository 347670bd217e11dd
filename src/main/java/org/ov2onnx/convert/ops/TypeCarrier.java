package org.ov2onnx.convert.ops;

import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.onnx.OnnxTypeCheck;
import org.ov2onnx.openvino.ElementType;

/**
 * Runs an ONNX operator on an element type it does not accept at the target opset by carrying the
 * values exactly in a wider type: Cast up, the operator, Cast back. Only for operators whose result
 * in the wider type, cast back, is the result in the narrow one: data movement (Concat, Gather,
 * ...), selection (Max, TopK), and integer sums and products (a Cast back to a narrower integer
 * wraps, as the narrow arithmetic does). Each carrier holds every value of the narrow type exactly:
 * f8 in f16, bf16 in f32, 4-bit, 8- and 16-bit integers in int32, u32 in int64. (4-bit integers
 * go to int32, not int8: ONNX Runtime 1.23's Cast from int4 to int8 reads wrong values.) A type
 * the operator takes but ONNX Runtime 1.23 has no kernel for takes {@link OrtKernels}' detour.
 */
public final class TypeCarrier {
  private static final Map<ElementType, List<ElementType>> WIDER = Map.ofEntries(
      Map.entry(ElementType.F8E4M3, List.of(ElementType.F16, ElementType.F32)),
      Map.entry(ElementType.F8E5M2, List.of(ElementType.F16, ElementType.F32)),
      Map.entry(ElementType.BF16, List.of(ElementType.F32)),
      Map.entry(ElementType.F16, List.of(ElementType.F32)),
      Map.entry(ElementType.I4, List.of(ElementType.I32)),
      Map.entry(ElementType.U4, List.of(ElementType.I32)),
      Map.entry(ElementType.I8, List.of(ElementType.I32)),
      Map.entry(ElementType.U8, List.of(ElementType.I32)),
      Map.entry(ElementType.I16, List.of(ElementType.I32)),
      Map.entry(ElementType.U16, List.of(ElementType.I32)),
      Map.entry(ElementType.U32, List.of(ElementType.I64)));

  private TypeCarrier() {}

  /**
   * The type to run {@code op} in for values of {@code type}, reading input {@code input}:
   * {@code type} itself when the operator takes it at the graph's opset, else the first exact
   * carrier it takes; null when there is none.
   */
  public static ElementType carrier(GraphBuilder graph, String op, int input, ElementType type) throws ConversionException {
    if (OnnxTypeCheck.accepts(op, graph.opset(), input, graph.onnxType(type))) {
      return type;
    }
    for (ElementType wider : WIDER.getOrDefault(type, List.of())) {
      if (OnnxTypeCheck.accepts(op, graph.opset(), input, graph.onnxType(wider))) {
        return wider;
      }
    }
    return null;
  }

  /** {@link #carrier}, or a refusal naming the operator, the type and the opset. */
  public static ElementType require(NodeView node, GraphBuilder graph, String op, int input, ElementType type)
      throws ConversionException {
    ElementType c = carrier(graph, op, input, type);
    if (c == null) {
      throw node.error("ONNX " + op + " does not take " + type + " at opset " + graph.opset()
          + ", and no wider type carries its values exactly");
    }
    return c;
  }

  /** {@code value} (of {@code type}) as {@code carrier}: itself when they are the same. */
  public static String up(GraphBuilder graph, String value, ElementType type, ElementType carrier) throws ConversionException {
    return carrier == type ? value : graph.cast(value, carrier);
  }

  /**
   * Emits {@code node} (its outputs unnamed) and casts its first output back from {@code carrier}
   * to {@code type} under {@code output}; when they are the same, emits it under {@code output}
   * directly. The Cast back does not saturate (every carried value is representable; infinities and
   * NaN stay what they are).
   */
  public static void down(GraphBuilder graph, OnnxNode node, ElementType type, ElementType carrier, String output)
      throws ConversionException {
    if (carrier == type) {
      graph.add(node.outputs(output));
      return;
    }
    castBack(graph, graph.addOne(node), type, output);
  }

  private static void castBack(GraphBuilder graph, String wide, ElementType type, String output) throws ConversionException {
    OnnxNode back = OnnxNode.op("Cast").inputs(wide).outputs(output).attr("to", (long) graph.onnxType(type));
    if (type == ElementType.F8E4M3 || type == ElementType.F8E5M2) {
      back.attr("saturate", 0L);
    }
    graph.add(back);
  }

  /**
   * A whole conversion carried in a wider type: read the node's data inputs through {@link #in},
   * name the result {@link #out}, then call {@link #done}. When the operator takes the type, all
   * three change nothing.
   */
  public static final class Carried {
    private final GraphBuilder graph;
    private final ElementType type;
    private final ElementType carrier;
    private final OrtKernels.Detour detour; // ONNX takes the type, ONNX Runtime has no kernel: its detour
    private String wide;
    private String output;

    private Carried(GraphBuilder graph, ElementType type, ElementType carrier, OrtKernels.Detour detour) {
      this.graph = graph;
      this.type = type;
      this.carrier = detour != null ? detour.carrier() : carrier;
      this.detour = detour;
    }

    /** The type the conversion runs in. */
    public ElementType type() {
      return carrier;
    }

    /** {@code value}, of the node's type, as the carrier. */
    public String in(String value) throws ConversionException {
      return detour != null ? detour.in(graph, value) : up(graph, value, type, carrier);
    }

    /** The name to give the result (in the carrier) that becomes {@code output}. */
    public String out(String output) {
      if (carrier == type) {
        return output;
      }
      this.output = output;
      this.wide = graph.fresh(output + "/carried");
      return wide;
    }

    /** Casts the result back to the node's type. */
    public void done() throws ConversionException {
      if (wide == null) {
        return;
      }
      if (detour != null) {
        detour.back(graph, wide, output);
      } else {
        castBack(graph, wide, type, output);
      }
    }
  }

  /**
   * Carries {@code node}'s conversion, whose ONNX {@code op} reads values of {@code type} at input
   * {@code input}, in a type {@code op} takes; refuses when none carries {@code type} exactly.
   */
  public static Carried carry(NodeView node, GraphBuilder graph, String op, int input, ElementType type)
      throws ConversionException {
    ElementType c = require(node, graph, op, input, type);
    // a type the schema takes but ONNX Runtime has no kernel for runs through OrtKernels' detour
    return new Carried(graph, type, c, c == type && OrtKernels.lacks(op, type) ? OrtKernels.detour(op, type) : null);
  }

  /**
   * As {@link #carry(NodeView, GraphBuilder, String, int, ElementType)} where {@code widen}; where
   * not (the result in a wider type would differ), only checks that {@code op} takes {@code type}.
   */
  public static Carried carry(NodeView node, GraphBuilder graph, String op, int input, ElementType type, boolean widen)
      throws ConversionException {
    if (widen || OnnxTypeCheck.accepts(op, graph.opset(), input, graph.onnxType(type))) {
      return carry(node, graph, op, input, type);
    }
    throw node.error("ONNX " + op + " does not take " + type + " at opset " + graph.opset()
        + ", and in a wider type the result would differ");
  }
}
