package org.ov2onnx.convert.ops.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ElementType;

/**
 * A BinaryConvolution with its packed u1 weight Constant: ONNX has no 1-bit type, so the Constant
 * cannot become an initializer of its own; {@link BinaryConvolutionConverter} unpacks its bits
 * into the Conv's ±1 weights. Matched when the Constant feeds that BinaryConvolution only.
 */
public final class BinaryConvolutionRewrite implements GraphRewrite {
  @Override
  public String name() {
    return "binary-convolution";
  }

  @Override
  public String description() {
    return "u1 Constant → BinaryConvolution: the weights are unpacked into the Conv (ONNX has no 1-bit type)";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    for (int c = 0; c < graph.nodeCount(); c++) {
      if (claimed.test(c) || !graph.type(c).equals("BinaryConvolution")) {
        continue;
      }
      SourceGraph.Source w = graph.source(c, 1);
      if (claimed.test(w.node()) || !graph.type(w.node()).equals("Constant")
          || graph.node(w.node()).outputType(0) != ElementType.U1 || graph.consumers(w.node(), 0).size() != 1) {
        continue;
      }
      var node = graph.node(c);
      matches.add(new Match(c, new int[] {w.node(), c}, out -> new BinaryConvolutionConverter().convert(node, out)));
    }
    return matches;
  }
}
