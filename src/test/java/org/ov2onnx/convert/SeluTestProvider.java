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
 * src/test/resources/META-INF/services/org.ov2onnx.convert.spi.ConverterProvider). Selu has no
 * built-in converter, so this is how a user would add one.
 */
public final class SeluTestProvider implements ConverterProvider {
  @ConvertsOp(type = "Selu", versions = 1, minOpset = 6, notes = "Selu (test provider)")
  static final class SeluConverter implements OpConverter {
    @Override
    public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
      double[] alpha = node.constantDoubles(1);
      double[] lambda = node.constantDoubles(2);
      if (alpha.length != 1 || lambda.length != 1) {
        throw node.error("alpha and lambda must be single values");
      }
      graph.add(OnnxNode.op("Selu").inputs(node.input(0)).outputs(node.output(0))
          .attr("alpha", alpha[0]).attr("gamma", lambda[0]));
    }
  }

  @Override
  public List<OpConverter> converters() {
    return List.of(new SeluConverter());
  }
}
