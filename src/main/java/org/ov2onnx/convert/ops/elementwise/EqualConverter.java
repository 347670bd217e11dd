package org.ov2onnx.convert.ops.elementwise;

import java.util.EnumSet;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/** Equal becomes Equal; strings from opset 19, where ONNX Equal takes them. */
@ConvertsOp(type = "Equal", versions = 1, notes = "Equal; string from opset 19")
public final class EqualConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    var types = Elementwise.union(Elementwise.NUMERIC, Elementwise.BOOL);
    if (graph.opset() >= 19) {
      types = Elementwise.union(types, EnumSet.of(ElementType.STRING));
    }
    Elementwise.binary(node, graph, "Equal", types);
  }
}
