package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.TypeCarrier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Reverse: the data reversed along some axes, given (a constant) as indices ({@code mode=index})
 * or as a boolean mask over all axes ({@code mode=mask}). One Slice with step -1 on each of them;
 * no axis is an Identity.
 */
@ConvertsOp(type = "Reverse", versions = 1, notes = "Slice with steps -1; the axes must be constants")
public final class ReverseConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    int rank = Tensors.inputRank(node, 0);
    List<Long> axes = new ArrayList<>();
    switch (mode) {
      case "index" -> {
        for (long a : node.constantInts(1)) {
          long axis = Tensors.axis(node, a, rank);
          if (!axes.contains(axis)) {
            axes.add(axis);
          }
        }
      }
      case "mask" -> {
        double[] mask = node.constantDoubles(1);
        if (mask.length != rank) {
          throw node.error("the mask has " + mask.length + " values for a rank-" + rank + " input");
        }
        for (int i = 0; i < rank; i++) {
          if (mask[i] != 0) {
            axes.add((long) i);
          }
        }
      }
      default -> throw node.error("unknown mode '" + mode + "'");
    }
    if (axes.isEmpty()) {
      graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    long[] starts = new long[axes.size()];
    long[] ends = new long[axes.size()];
    long[] steps = new long[axes.size()];
    Arrays.fill(starts, -1);
    Arrays.fill(ends, Tensors.START_REVERSED);
    Arrays.fill(steps, -1);
    long[] list = axes.stream().mapToLong(Long::longValue).toArray();
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Slice", 0, node.inputType(0));
    graph.add(OnnxNode.op("Slice").inputs(c.in(node.input(0)), graph.int64s(false, starts), graph.int64s(false, ends),
        graph.int64s(false, list), graph.int64s(false, steps)).outputs(c.out(node.output(0))));
    c.done();
  }
}
