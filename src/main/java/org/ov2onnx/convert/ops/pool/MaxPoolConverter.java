package org.ov2onnx.convert.ops.pool;

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
 * MaxPool becomes MaxPool. v8 and v14 add dilations and the indices output: ONNX's Indices count
 * over the whole flattened input; OpenVINO counts from its axis attribute on, which is ONNX's
 * index modulo the product of the input's lengths from that axis.
 */
@ConvertsOp(
    type = "MaxPool",
    versions = {1, 8, 14},
    notes = "MaxPool; indices with axis > 0 need static lengths from that axis; rounding ceil only where no window starts in the end padding")
public final class MaxPoolConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean v8 = node.version() >= 8;
    OnnxNode pool = Pooling.window(node, "MaxPool", v8).attr("storage_order", 0L);
    if (!v8 || !node.outputUsed(1)) {
      graph.add(pool.outputs(node.output(0)));
      return;
    }
    String indices = graph.add(pool.outputs(node.output(0), graph.fresh(node.output(1) + "_flat"))).get(1);
    PartialShape shape = node.inputShape(0);
    long axis = node.intAttr("axis");
    if (axis < 0) {
      axis += shape.rank();
    }
    if (axis > 0) {
      long count = 1;
      for (int d = (int) axis; d < shape.rank(); d++) {
        Dimension length = shape.dims().get(d);
        if (!length.isStatic()) {
          throw node.error("indices counted from axis " + axis + " need static input lengths from that axis; " + shape + " has a"
              + " dynamic one");
        }
        count *= length.length();
      }
      indices = graph.addOne(OnnxNode.op("Mod").inputs(indices, graph.int64s(true, count)));
    }
    ElementType type = node.typeAttr("index_element_type");
    if (type == ElementType.I64) {
      graph.add(OnnxNode.op("Identity").inputs(indices).outputs(node.output(1)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(indices).outputs(node.output(1)).attr("to", (long) graph.onnxType(type)));
    }
  }
}
