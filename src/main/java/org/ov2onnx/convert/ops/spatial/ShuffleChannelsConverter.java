package org.ov2onnx.convert.ops.spatial;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.PartialShape;

/**
 * ShuffleChannels: Reshape to [outer, group, C/group, inner], swap the middle axes, Reshape back
 * to the input's shape. The axis length must be static, and the lengths before or after it.
 */
@ConvertsOp(
    type = "ShuffleChannels",
    versions = 1,
    notes = "Reshape/Transpose/Reshape; the axis length, and the lengths before or those after it, must be static")
public final class ShuffleChannelsConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    PartialShape shape = node.inputShape(0);
    if (shape.isRankDynamic()) {
      throw node.error("the input's rank is dynamic");
    }
    int rank = shape.rank();
    long axis = node.intAttr("axis");
    int a = (int) (axis < 0 ? axis + rank : axis);
    long group = node.intAttr("group");
    Dimension channels = shape.dims().get(a);
    if (!channels.isStatic()) {
      throw node.error("the length of axis " + axis + " is dynamic");
    }
    long outer = product(shape, 0, a);
    long inner = product(shape, a + 1, rank);
    if (outer < 0 && inner < 0) {
      throw node.error("both the lengths before and after axis " + axis + " are dynamic in " + shape);
    }
    long[] split = {outer < 0 ? -1 : outer, group, channels.length() / group, inner < 0 ? -1 : inner};
    String reshaped = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), graph.int64s(false, split)));
    String moved = graph.addOne(OnnxNode.op("Transpose").inputs(reshaped).attr("perm", new long[] {0, 2, 1, 3}));
    String original = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    graph.add(OnnxNode.op("Reshape").inputs(moved, original).outputs(node.output(0)));
  }

  /** The product of the lengths of axes [from, to), or -1 if one is dynamic. */
  private static long product(PartialShape shape, int from, int to) {
    long p = 1;
    for (int d = from; d < to; d++) {
      Dimension length = shape.dims().get(d);
      if (!length.isStatic()) {
        return -1;
      }
      p *= length.length();
    }
    return p;
  }
}
