package org.ov2onnx.convert.ops.elementwise;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * OpenVINO's shifts on any integer type through ONNX BitShift, which takes unsigned types only
 * (and ONNX Runtime implements only u8, u32 and u64). Values are shifted as a working unsigned
 * type (two's complement casts keep the low bits, so left shifts and unsigned right shifts are
 * exact once cast back). A signed right shift is arithmetic in OpenVINO: a negative x is shifted
 * as {@code ~(~x >>> n)}, where {@code ~x = -1 - x} is non-negative; that runs in i32 or i64, the
 * signed types ONNX Runtime's Where takes, and the result fits the original type.
 */
final class Shift {
  private Shift() {}

  static void convert(NodeView node, GraphBuilder graph, String direction) throws ConversionException {
    Elementwise.checkBroadcast(node);
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.INTEGERS, "BitShift");
    String x = node.input(0);
    String n = node.input(1);
    if (direction.equals("LEFT") || !Elementwise.isSigned(t)) {
      ElementType u = unsignedWork(t);
      finish(node, graph, shift(castIf(graph, x, t, u), castIf(graph, n, t, u), direction), u, t);
    } else {
      ElementType s = t == ElementType.I64 ? ElementType.I64 : ElementType.I32;
      ElementType u = unsignedWork(s);
      String xs = castIf(graph, x, t, s);
      String minusOne = graph.scalar(s, -1);
      String negative = graph.addOne(OnnxNode.op("Less").inputs(xs, graph.scalar(s, 0)));
      String inverted = graph.addOne(OnnxNode.op("Sub").inputs(minusOne, xs));
      String nonNegative = graph.addOne(OnnxNode.op("Where").inputs(negative, inverted, xs));
      String shifted = graph.addOne(shift(graph.cast(nonNegative, u), graph.cast(n, u), direction));
      shifted = graph.cast(shifted, s);
      String back = graph.addOne(OnnxNode.op("Sub").inputs(minusOne, shifted));
      finish(node, graph, OnnxNode.op("Where").inputs(negative, back, shifted), s, t);
    }
  }

  /** Adds {@code last} (of type {@code type}) as the node's output, cast to {@code t} if needed. */
  private static void finish(NodeView node, GraphBuilder graph, OnnxNode last, ElementType type, ElementType t)
      throws ConversionException {
    if (type == t) {
      graph.add(last.outputs(node.output(0)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(last)).outputs(node.output(0)).attr("to", (long) graph.onnxType(t)));
    }
  }

  private static OnnxNode shift(String x, String amount, String direction) {
    return OnnxNode.op("BitShift").inputs(x, amount).attr("direction", direction);
  }

  private static String castIf(GraphBuilder graph, String value, ElementType from, ElementType to)
      throws ConversionException {
    return from == to ? value : graph.cast(value, to);
  }

  /** The unsigned type the shift runs in: u8, u32 or u64, at least as wide as {@code t}. */
  private static ElementType unsignedWork(ElementType t) {
    return switch (t.bits()) {
      case 8 -> ElementType.U8;
      case 64 -> ElementType.U64;
      default -> ElementType.U32;
    };
  }
}
