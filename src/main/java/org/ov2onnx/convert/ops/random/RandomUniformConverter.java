package org.ov2onnx.convert.ops.random;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * RandomUniform: values uniform in [min, max) of the requested shape (which may be computed at run
 * time: RandomUniformLike of a ConstantOfShape). min and max must be constants (ONNX takes them
 * as attributes). Integer types draw f64 and Floor them into [min, max - 1].
 *
 * <p>Seeds: OpenVINO's generator (Philox, seeded by global_seed and op_seed) and ONNX Runtime's
 * differ, so the values themselves are not reproduced. What is reproduced: shape, element type,
 * the range, the uniform distribution, and determinism: with a non-zero seed the ONNX seed is
 * {@code global_seed * 1000003 + op_seed} (as a float) and every run gives the same values; with
 * both seeds 0 the ONNX node has no seed and the runtime picks one (OpenVINO then draws new values
 * each time; ONNX Runtime derives the seed from its own session-wide seed, which may repeat).
 */
@ConvertsOp(type = "RandomUniform", versions = 8,
    notes = "RandomUniformLike (+ Floor/Cast for integers); constant min/max; same range and distribution, not the same values (other generator; fixed seeds stay deterministic; unseeded: the runtime picks the seed)")
public final class RandomUniformConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = node.outputType(0);
    double min = constant(node, 1);
    double max = constant(node, 2);
    boolean integer = !Tensors.isFloat(t);
    ElementType draw = integer || t == ElementType.BF16 ? ElementType.F64 : t;
    String shape = Tensors.int64Input(node, graph, 0);
    String like = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(shape)
        .attr("value", new OnnxNode.TensorAttr(draw, new long[] {1}, new double[] {0})));
    OnnxNode uniform = OnnxNode.op("RandomUniformLike").inputs(like).attr("low", min).attr("high", max)
        .attr("dtype", (long) graph.onnxType(draw));
    long global = node.intAttr("global_seed");
    long op = node.intAttr("op_seed");
    if (global != 0 || op != 0) {
      uniform.attr("seed", (double) (global * 1000003L + op));
    }
    String values = graph.addOne(uniform);
    if (integer) {
      values = graph.addOne(OnnxNode.op("Floor").inputs(values));
    }
    OnnxNode out = draw == t ? OnnxNode.op("Identity") : OnnxNode.op("Cast").attr("to", (long) graph.onnxType(t));
    graph.add(out.inputs(values).outputs(node.output(0)));
  }

  private static double constant(NodeView node, int i) throws ConversionException {
    double[] v = node.constantDoubles(i);
    if (v.length != 1) {
      throw node.error("needs input " + i + " to hold one value, got " + v.length);
    }
    return v[0];
  }
}
