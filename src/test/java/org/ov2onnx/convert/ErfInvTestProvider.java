package org.ov2onnx.convert;

import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConverterProvider;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * A user-provided converter, found through ServiceLoader (see
 * src/test/resources/META-INF/services/org.ov2onnx.convert.spi.ConverterProvider). ErfInv (opset17)
 * lies outside the opsets the built-ins cover, so this is how a user would add it: Newton's method
 * on ONNX Erf, {@code x <- x - (erf(x) - y) * sqrt(pi)/2 * exp(x^2)} from 0, eight steps (enough for
 * |y| <= 0.99 in f32). It takes f32 only and refuses anything else.
 */
public final class ErfInvTestProvider implements ConverterProvider {
  @ConvertsOp(type = "ErfInv", versions = 17, notes = "Newton steps on Erf (test provider)")
  static final class ErfInvConverter implements OpConverter {
    @Override
    public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
      if (node.inputType(0) != org.ov2onnx.openvino.ElementType.F32) {
        throw node.error("the test provider takes f32 only, got " + node.inputType(0));
      }
      String y = node.input(0);
      String x = graph.addOne(OnnxNode.op("Mul").inputs(y, graph.scalar(node.inputType(0), 0)));
      String step = graph.scalar(node.inputType(0), Math.sqrt(Math.PI) / 2);
      for (int i = 0; i < 8; i++) {
        String residual = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Erf").inputs(x)), y));
        String slope = graph.addOne(OnnxNode.op("Exp").inputs(graph.addOne(OnnxNode.op("Mul").inputs(x, x))));
        String delta = graph.addOne(OnnxNode.op("Mul").inputs(graph.addOne(OnnxNode.op("Mul").inputs(residual, step)), slope));
        OnnxNode next = OnnxNode.op("Sub").inputs(x, delta);
        x = i == 7 ? graph.add(next.outputs(node.output(0))).get(0) : graph.addOne(next);
      }
    }
  }

  @Override
  public List<OpConverter> converters() {
    return List.of(new ErfInvConverter());
  }
}
