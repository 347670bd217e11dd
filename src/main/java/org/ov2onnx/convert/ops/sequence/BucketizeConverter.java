package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Bucketize: the bucket of each value among sorted 1-D boundaries, i.e. how many boundaries lie
 * below it: {@code boundary < value} with with_right_bound (buckets {@code (b[i-1], b[i]]}),
 * {@code boundary <= value} without. The value gets a trailing axis to meet the boundaries.
 */
@ConvertsOp(type = "Bucketize", versions = 3, notes = "count of Less/LessOrEqual(boundaries, value) (ReduceSum); mixed types compare in f64")
public final class BucketizeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean rightBound = node.boolAttr("with_right_bound");
    String[] in = Counting.comparable(node, graph, 0, 1);
    String values = Tensors.unsqueeze(graph, in[0], -1);
    Counting.countBelow(node, graph, in[1], values, !rightBound);
  }
}
