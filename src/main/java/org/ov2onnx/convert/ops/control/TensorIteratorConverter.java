package org.ov2onnx.convert.ops.control;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/** TensorIterator-1 → ONNX Loop with a trip count from its sliced inputs (see {@link LoopLowering}). */
@ConvertsOp(
    type = "TensorIterator",
    versions = 1,
    notes = "Loop; body converted recursively; sliced inputs are sliced in the body (part_size = |stride|), "
        + "concatenated outputs are scan outputs (whole range only), back edges are loop-carried")
public final class TensorIteratorConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    LoopLowering loop = new LoopLowering(node, graph);
    loop.emit(loop.tensorIteratorTripCount(), "", -1, -1);
  }
}
