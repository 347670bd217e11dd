package org.ov2onnx.convert.ops.quantization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * FakeConvert-13 (FP8 emulation): x · scale − shift, rounded to f16 and then to f8 (e4m3: saturated
 * at ±448, magnitudes below 2⁻⁹ flushed to zero, as OpenVINO does, computed exactly in f32; e5m2:
 * ONNX's Cast to float8e5m2, not saturated), back to the data type, + shift, / scale.
 */
@ConvertsOp(
    type = "FakeConvert",
    versions = 13,
    minOpset = 19,
    notes = "Mul, Sub, Cast to f16; e4m3 rounding computed exactly in f32 (half to even per binade, below 2^-9 "
        + "flushed to zero, saturated at 448); e5m2 through Cast to float8e5m2 (opset 19); Add, Div")
public final class FakeConvertConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType f8 = node.typeAttr("destination_type");
    if (f8 != ElementType.F8E4M3 && f8 != ElementType.F8E5M2) {
      throw node.error("destination_type " + f8 + " is not supported (f8e4m3 or f8e5m2)");
    }
    ElementType type = node.outputType(0);
    String scaled = graph.addOne(OnnxNode.op("Mul").inputs(node.input(0), node.input(1)));
    String shift = node.inputCount() > 2 ? node.input(2) : null;
    if (shift != null) {
      scaled = graph.addOne(OnnxNode.op("Sub").inputs(scaled, shift));
    }
    String half = type == ElementType.F16 ? scaled : graph.cast(scaled, ElementType.F16);
    String back = f8 == ElementType.F8E4M3
        ? graph.cast(roundE4m3(graph, graph.cast(half, ElementType.F32)), type)
        : graph.cast(graph.addOne(OnnxNode.op("Cast").inputs(half).attr("to", (long) graph.onnxType(f8))
            .attr("saturate", 0L)), type);
    if (shift != null) {
      back = graph.addOne(OnnxNode.op("Add").inputs(back, shift));
    }
    graph.add(OnnxNode.op("Div").inputs(back, node.input(1)).outputs(node.output(0)));
  }

  /**
   * e4m3 rounding as OpenVINO emulates it, in exact f32 arithmetic: magnitudes below 2⁻⁹ become 0,
   * the rest round half to even on the grid of their binade (3 mantissa bits; subnormal step 2⁻⁹),
   * saturated at 448. (ONNX Runtime's Cast to float8 breaks ties differently.)
   */
  private static String roundE4m3(GraphBuilder graph, String v) throws ConversionException {
    String a = graph.addOne(OnnxNode.op("Abs").inputs(v));
    String flushed = graph.addOne(OnnxNode.op("Where").inputs(
        graph.addOne(OnnxNode.op("Less").inputs(a, graph.scalar(ElementType.F32, 0.001953125))),
        graph.scalar(ElementType.F32, 0), a));
    String log2 = graph.addOne(OnnxNode.op("Div").inputs(graph.addOne(OnnxNode.op("Log").inputs(flushed)),
        graph.scalar(ElementType.F32, Math.log(2))));
    // the binade's exponent, at least the smallest normal's (-6); log2(0) = -inf lands there too
    String exponent = graph.addOne(OnnxNode.op("Max").inputs(graph.addOne(OnnxNode.op("Floor").inputs(log2)),
        graph.scalar(ElementType.F32, -6)));
    String step = graph.addOne(OnnxNode.op("Pow").inputs(graph.scalar(ElementType.F32, 2),
        graph.addOne(OnnxNode.op("Sub").inputs(exponent, graph.scalar(ElementType.F32, 3)))));
    String rounded = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Round").inputs(
        graph.addOne(OnnxNode.op("Div").inputs(flushed, step)))), step));
    String saturated = graph.addOne(OnnxNode.op("Min").inputs(rounded, graph.scalar(ElementType.F32, 448)));
    return graph.addOne(OnnxNode.op("Mul").inputs(saturated, graph.addOne(OnnxNode.op("Sign").inputs(v))));
  }
}
