package org.ov2onnx.convert.ops.activation;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.ops.elementwise.OrtKernels;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Clamp becomes Clip with min and max as scalars of the input type. For integer types OpenVINO
 * rounds min up and max down; a bound outside the type's range clamps nothing and is left out.
 * Types ONNX Runtime has no Clip kernel for (i16, u16, bf16) are clipped in a wider type.
 */
@ConvertsOp(type = "Clamp", versions = 1, notes = "Clip; integer bounds are ceil(min) and floor(max)")
public final class ClampConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.NUMERIC, "Clip");
    double min = node.floatAttr("min");
    double max = node.floatAttr("max");
    String lo = "";
    String hi = "";
    if (Elementwise.isInteger(t)) {
      double[] range = range(t);
      min = Math.ceil(min);
      max = Math.floor(max);
      lo = min > range[0] ? graph.scalar(t, Math.min(min, range[1])) : "";
      hi = max < range[1] ? graph.scalar(t, Math.max(max, range[0])) : "";
    } else {
      lo = graph.scalar(t, min);
      hi = graph.scalar(t, max);
    }
    OrtKernels.Detour detour = OrtKernels.detour("Clip", t);
    String out = detour.out(graph, node.output(0));
    graph.add(OnnxNode.op("Clip").inputs(detour.in(graph, node.input(0)), lo.isEmpty() ? "" : detour.in(graph, lo),
        hi.isEmpty() ? "" : detour.in(graph, hi)).outputs(out));
    detour.back(graph, out, node.output(0));
  }

  /** The lowest and highest value of an integer type (64-bit ones as the nearest doubles). */
  private static double[] range(ElementType t) {
    int bits = t.bits();
    if (Elementwise.isSigned(t)) {
      return new double[] {-Math.pow(2, bits - 1), Math.pow(2, bits - 1) - 1};
    }
    return new double[] {0, Math.pow(2, bits) - 1};
  }
}
