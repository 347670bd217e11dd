package org.ov2onnx.convert.ops.conv;

import java.nio.ByteBuffer;
import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * BinaryConvolution (mode xnor-popcount) as a float Conv of ±1 values, which gives the exact
 * integers 2 * popcount(xnor) - bits. The input is binarized as OpenVINO's CPU plugin does it (a
 * value above 0 is bit 1, i.e. +1, anything else -1), the packed u1 weights are unpacked to ±1
 * (bit i of the tensor is bit i % 8 of byte i / 8, counting from the least significant, as that
 * plugin reads them). A padded position counts as nothing when pad_value is 0 (Conv's own zero
 * padding), as +1 when it is 1 and as -1 otherwise (an explicit Pad). Constant weights with a
 * number of input channels divisible by 8 only: for other channel counts the plugin's packed
 * layout is its own.
 */
@ConvertsOp(type = "BinaryConvolution", versions = 1,
    notes = "Conv over ±1 values (input > 0 is +1; constant u1 weights; input channels a multiple of 8); pad_value 0 pads nothing, 1 pads +1, others -1")
public final class BinaryConvolutionConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    if (!mode.equals("xnor-popcount")) {
      throw node.error("mode '" + mode + "' is unknown (OpenVINO defines xnor-popcount only)");
    }
    ElementType t = node.inputType(0);
    if (!Elementwise.FLOATS_NO_BF16.contains(t)) {
      throw node.error("binarizes " + t + " values; ONNX Conv takes only f16, f32 and f64");
    }
    ConstantData w = node.constantInput(1)
        .orElseThrow(() -> node.error("needs constant weights (input 1) to unpack their bits"));
    if (w.elementType() != ElementType.U1) {
      throw node.error("has " + w.elementType() + " weights; only packed u1 weights are supported");
    }
    long[] shape = w.shape();
    if (shape[1] % 8 != 0) {
      throw node.error("has " + shape[1] + " input channels: OpenVINO's CPU plugin reads packed weights of a channel"
          + " count that is not a multiple of 8 in a layout of its own, so no exact conversion is known");
    }
    String weights = graph.constant(t, shape, signs(w));
    String x = node.input(0);
    String zero = graph.scalar(t, 0);
    String plusOne = graph.scalar(t, 1);
    String minusOne = graph.scalar(t, -1);
    String positive = graph.addOne(OnnxNode.op("Greater").inputs(x, zero));
    String binary = graph.addOne(OnnxNode.op("Where").inputs(positive, plusOne, minusOne));
    double padValue = node.floatAttr("pad_value");
    if (padValue == 0) { // padded positions count as nothing: Conv's zero padding
      ForwardConvolution.emit(node, graph, OnnxNode.op("Conv").inputs(binary, weights), 1, 2);
      return;
    }
    int rank = Window.spatialRank(node);
    long[] strides = Window.ints(node, "strides", rank, 1);
    long[] dilations = Window.ints(node, "dilations", rank, 1);
    long[][] pads = Window.pads(node, Window.dilatedKernel(node, 1, 2, dilations), strides);
    if (pads == null) {
      throw node.error("auto_pad " + node.stringAttr("auto_pad") + " on dynamic spatial lengths with pad_value "
          + padValue + ": the padding must be explicit, and its size is unknown");
    }
    long[] all = new long[2 * (rank + 2)];
    for (int i = 0; i < rank; i++) {
      all[i + 2] = pads[0][i];
      all[rank + 4 + i] = pads[1][i];
    }
    String padded = graph.addOne(OnnxNode.op("Pad")
        .inputs(binary, graph.int64s(false, all), padValue == 1 ? plusOne : minusOne).attr("mode", "constant"));
    graph.add(OnnxNode.op("Conv").inputs(padded, weights).outputs(node.output(0))
        .attr("strides", strides).attr("dilations", dilations));
  }

  /** The packed bits as ±1 (bit i: bit i % 8 of byte i / 8, least significant first). */
  private static double[] signs(ConstantData w) {
    ByteBuffer bytes = w.bytes();
    double[] v = new double[Math.toIntExact(w.elementCount())];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((bytes.get(bytes.position() + i / 8) >> (i % 8)) & 1) == 1 ? 1 : -1;
    }
    return v;
  }
}
