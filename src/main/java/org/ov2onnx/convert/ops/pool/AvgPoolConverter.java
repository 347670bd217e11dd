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
 * need ONNX opset 19 unless they are all 1. Padding that is counted (exclude-pad false, floor
 * rounding) becomes an explicit zero Pad in front of an unpadded AveragePool.
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
    boolean includePad = !node.boolAttr("exclude-pad");
    OnnxNode pool = Pooling.window(node, "AveragePool", dilated)
        .attr("count_include_pad", includePad ? 1L : 0L);
    Object pads = pool.attributes().get("pads");
    boolean floor = Long.valueOf(0).equals(pool.attributes().get("ceil_mode"));
    if (includePad && floor && pads instanceof long[] p && Arrays.stream(p).anyMatch(v -> v != 0)) {
      // Counting the padding is averaging over a zero-padded input: pad explicitly and pool
      // without pads. Same values, and it avoids ONNX Runtime 1.23's AveragePool-19+, which
      // averages border windows wrongly with asymmetric pads and count_include_pad=1.
      int spatial = p.length / 2;
      long[] full = new long[2 * (spatial + 2)];
      for (int i = 0; i < spatial; i++) {
        full[2 + i] = p[i];
        full[spatial + 4 + i] = p[spatial + i];
      }
      String padded = graph.addOne(OnnxNode.op("Pad").inputs(node.input(0), graph.int64s(false, full)).attr("mode", "constant"));
      OnnxNode unpadded = OnnxNode.op("AveragePool").inputs(padded);
      for (var e : pool.attributes().entrySet()) {
        if (!e.getKey().equals("pads")) {
          copy(unpadded, e.getKey(), e.getValue());
        }
      }
      graph.add(unpadded.outputs(node.output(0)));
      return;
    }
    graph.add(pool.outputs(node.output(0)));
  }

  private static void copy(OnnxNode to, String name, Object value) {
    if (value instanceof Long v) {
      to.attr(name, (long) v);
    } else if (value instanceof long[] v) {
      to.attr(name, v);
    } else if (value instanceof String v) {
      to.attr(name, v);
    } else if (value instanceof Double v) {
      to.attr(name, (double) v);
    }
  }
}
