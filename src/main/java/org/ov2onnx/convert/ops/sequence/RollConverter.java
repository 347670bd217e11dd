package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.PartialShape;

/**
 * Roll: {@code out[.., i, ..] = data[.., (i - shift) mod n, ..]} along each listed axis (a repeated
 * axis rolls again, so its shifts add up). Per axis a Gather with the indices {@code Mod(Range(0,
 * n) - shift, n)} (ONNX Mod of integers takes the divisor's sign, so they lie in [0, n)). The axes
 * must be constants; the shifts (one, or one per axis) may be computed at run time, and the
 * lengths may be dynamic.
 */
@ConvertsOp(type = "Roll", versions = 7, notes = "Gather of Mod(Range - shift, n) per axis; the axes must be constants")
public final class RollConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    long[] axes = node.constantInts(2);
    PartialShape shiftShape = node.inputShape(1);
    int shifts = shiftShape.rank() == 0 ? 1 : Tensors.inputLength(node, 1);
    if (shifts != 1 && shifts != axes.length) {
      throw node.error("has " + shifts + " shifts for " + axes.length + " axes");
    }
    if (axes.length == 0) {
      graph.add(OnnxNode.op("Identity").inputs(node.input(0)).outputs(node.output(0)));
      return;
    }
    String shift = Tensors.int64Input(node, graph, 1);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String zero = graph.int64s(true, 0);
    String one = graph.int64s(true, 1);
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Gather", 0, node.inputType(0));
    String x = c.in(node.input(0));
    for (int i = 0; i < axes.length; i++) {
      int axis = Tensors.axis(node, axes[i], rank);
      String s = shiftShape.rank() == 0 ? shift
          : graph.addOne(OnnxNode.op("Gather").inputs(shift, graph.int64s(true, shifts == 1 ? 0 : i)));
      String n = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, axis)));
      String positions = graph.addOne(OnnxNode.op("Range").inputs(zero, n, one));
      String from = graph.addOne(OnnxNode.op("Sub").inputs(positions, s));
      String indices = graph.addOne(OnnxNode.op("Mod").inputs(from, n));
      OnnxNode gather = OnnxNode.op("Gather").inputs(x, indices).attr("axis", (long) axis);
      x = i == axes.length - 1 ? graph.add(gather.outputs(c.out(node.output(0)))).get(0) : graph.addOne(gather);
    }
    c.done();
  }
}
