package org.ov2onnx.convert.ops.activation;

import java.util.EnumSet;
import java.util.Set;
import org.ov2onnx.convert.ops.elementwise.Elementwise;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * PRelu becomes PRelu. OpenVINO applies a 1-D slope whose length is the channel dimension
 * (data dimension 1) along that axis, even when the last dimension has the same length; ONNX
 * broadcasts numpy-style from the right, so such a slope is unsqueezed to {@code [C, 1, ..., 1]}.
 * Other slopes broadcast numpy-style in both.
 */
@ConvertsOp(type = "PRelu", versions = 1, notes = "PRelu; a per-channel 1-D slope is unsqueezed to [C,1,...]")
public final class PReluConverter implements OpConverter {
  private static final Set<ElementType> TYPES = Elementwise.union(
      Elementwise.FLOATS_NO_BF16, EnumSet.of(ElementType.I32, ElementType.I64, ElementType.U32, ElementType.U64));

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.requireType(
        node, graph, 0, graph.opset() >= 16 ? Elementwise.union(TYPES, EnumSet.of(ElementType.BF16)) : TYPES, "PRelu");
    String slope = node.input(1);
    PartialShape data = node.inputShape(0);
    PartialShape slopeShape = node.inputShape(1);
    if (!slopeShape.isRankDynamic() && slopeShape.rank() == 1 && !isOne(slopeShape.dims().get(0))) {
      if (data.isRankDynamic()) {
        throw node.error("a 1-D slope " + slopeShape + " needs the data rank to be known (channel axis or last axis?)");
      }
      int rank = data.rank();
      if (rank >= 3) {
        Dimension channels = data.dims().get(1);
        Dimension length = slopeShape.dims().get(0);
        if (!channels.isStatic() || !length.isStatic()) {
          throw node.error("a 1-D slope " + slopeShape + " on data " + data
              + " needs static channel and slope lengths to choose the broadcast axis");
        }
        if (channels.length() == length.length()) {
          long[] axes = new long[rank - 2];
          for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
          }
          slope = graph.addOne(OnnxNode.op("Unsqueeze").inputs(slope, graph.int64s(false, axes)));
        }
      }
    }
    graph.add(OnnxNode.op("PRelu").inputs(node.input(0), slope).outputs(node.output(0)));
  }

  private static boolean isOne(Dimension d) {
    return d.isStatic() && d.length() == 1;
  }
}
