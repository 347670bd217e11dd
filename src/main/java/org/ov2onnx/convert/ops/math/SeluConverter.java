package org.ov2onnx.convert.ops.math;

import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Selu: {@code lambda * (x > 0 ? x : alpha * (exp(x) - 1))}, alpha and lambda being one-element
 * inputs. With constant alpha and lambda on f16/f32 data it is ONNX Selu (alpha, gamma = lambda;
 * ONNX's float attributes hold f16 and f32 values exactly). Otherwise (parameters computed at run
 * time, f64 data whose parameters a float attribute would round, bf16 data that ONNX Selu does not
 * take) it is the formula itself: Greater, Exp, Sub, Mul, Where; bf16 computes in f32 and rounds
 * once (ONNX Runtime has no bf16 Exp). OpenVINO's CPU plugin takes only constant alpha and lambda,
 * but the formula also serves values that are computed.
 */
@ConvertsOp(type = "Selu", versions = 1, notes = "Selu; Where/Exp/Mul when alpha or lambda is not a constant, for f64, and for bf16 (in f32)")
public final class SeluConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = Elementwise.requireType(node, graph, 0, Elementwise.FLOATS, "Selu");
    if ((t == ElementType.F32 || t == ElementType.F16) && node.constantInput(1).isPresent() && node.constantInput(2).isPresent()) {
      double[] alpha = node.constantDoubles(1);
      double[] lambda = node.constantDoubles(2);
      if (alpha.length != 1 || lambda.length != 1) {
        throw node.error("alpha and lambda must hold one value each, got " + alpha.length + " and " + lambda.length);
      }
      graph.add(OnnxNode.op("Selu").inputs(node.input(0)).outputs(node.output(0)).attr("alpha", alpha[0]).attr("gamma", lambda[0]));
      return;
    }
    ElementType work = t == ElementType.BF16 ? ElementType.F32 : t;
    String x = castTo(graph, node.input(0), t, work);
    String alpha = scalarOf(graph, castTo(graph, node.input(1), node.inputType(1), work));
    String lambda = scalarOf(graph, castTo(graph, node.input(2), node.inputType(2), work));
    String expm1 = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Exp").inputs(x)), graph.scalar(work, 1)));
    String negative = graph.addOne(OnnxNode.op("Mul").inputs(alpha, expm1));
    String positive = graph.addOne(OnnxNode.op("Greater").inputs(x, graph.scalar(work, 0)));
    String picked = graph.addOne(OnnxNode.op("Where").inputs(positive, x, negative));
    OnnxNode scaled = OnnxNode.op("Mul").inputs(picked, lambda);
    if (work == t) {
      graph.add(scaled.outputs(node.output(0)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(scaled)).outputs(node.output(0)).attr("to", (long) graph.onnxType(t)));
    }
  }

  private static String castTo(GraphBuilder graph, String value, ElementType from, ElementType to) throws ConversionException {
    return from == to ? value : graph.cast(value, to);
  }

  /** A one-element parameter as a scalar, so that it broadcasts without raising a scalar's rank. */
  private static String scalarOf(GraphBuilder graph, String value) throws ConversionException {
    return graph.addOne(OnnxNode.op("Reshape").inputs(value, graph.int64s(false)));
  }
}
