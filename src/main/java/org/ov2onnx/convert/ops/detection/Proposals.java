package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/** Anchor refinement that the proposal-generating operations share. */
final class Proposals {
  private Proposals() {}

  /**
   * Moves anchors [..., 4] ([x0, y0, x1, y1]) by deltas [..., 4] ([dx, dy, d log w, d log h], the
   * log sizes capped at log(1000/16)), sides counted with {@code offset} (1: pixel convention, 0:
   * normalized), and clips the corners to [0, image side - offset]. Returns x0, y0, x1, y1 and the
   * new width and height, each [..., 1].
   */
  static String[] refine(GraphBuilder graph, String anchors, String deltas, String imgW, String imgH, double offset)
      throws ConversionException {
    int last = -1;
    String off = f32(graph, offset);
    String half = f32(graph, 0.5);
    String[] out = new String[6];
    for (int axis = 0; axis < 2; axis++) {
      String lo = Detection.slice(graph, anchors, last, axis, axis + 1);
      String hi = Detection.slice(graph, anchors, last, axis + 2, axis + 3);
      String size = op(graph, "Add", op(graph, "Sub", hi, lo), off);
      String centre = op(graph, "Add", lo, op(graph, "Mul", half, size));
      String predCentre = op(graph, "Add", op(graph, "Mul", Detection.slice(graph, deltas, last, axis, axis + 1), size), centre);
      String logSize = op(graph, "Min", Detection.slice(graph, deltas, last, axis + 2, axis + 3),
          f32(graph, (float) Math.log(1000. / 16.)));
      String predSize = op(graph, "Mul", op(graph, "Exp", logSize), size);
      String limit = op(graph, "Sub", axis == 0 ? imgW : imgH, off);
      String newLo = clip(graph, op(graph, "Sub", predCentre, op(graph, "Mul", half, predSize)), limit);
      String newHi = clip(graph, op(graph, "Sub", op(graph, "Add", predCentre, op(graph, "Mul", half, predSize)), off), limit);
      out[axis] = newLo;
      out[axis + 2] = newHi;
      out[axis + 4] = op(graph, "Add", op(graph, "Sub", newHi, newLo), off);
    }
    return out;
  }

  private static String clip(GraphBuilder graph, String v, String limit) throws ConversionException {
    return op(graph, "Max", f32(graph, 0), op(graph, "Min", v, limit));
  }

  static String op(GraphBuilder graph, String type, String... inputs) throws ConversionException {
    return graph.addOne(OnnxNode.op(type).inputs(inputs));
  }

  static String f32(GraphBuilder graph, double v) throws ConversionException {
    return graph.scalar(ElementType.F32, v);
  }
}
