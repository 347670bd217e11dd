package org.ov2onnx.convert.ops.pool;

import java.util.Arrays;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * AvgPool becomes AveragePool; exclude-pad is the opposite of count_include_pad. v16's dilations
 * need ONNX opset 19 unless they are all 1.
 */
@ConvertsOp(
    type = "AvgPool",
    versions = {1, 14, 16},
    notes = "AveragePool; dilations other than 1 need opset 19; rounding ceil only where no window starts in the end padding")
public final class AvgPoolConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean dilated = node.version() >= 16
        && Arrays.stream(node.intsAttr("dilations")).anyMatch(d -> d != 1);
    if (dilated && graph.opset() < 19) {
      throw node.error("dilations " + Arrays.toString(node.intsAttr("dilations")) + " need ONNX opset 19 (AveragePool-19); the"
          + " target is " + graph.opset());
    }
    OnnxNode pool = Pooling.window(node, "AveragePool", dilated)
        .attr("count_include_pad", node.boolAttr("exclude-pad") ? 0L : 1L);
    graph.add(pool.outputs(node.output(0)));
  }
}
