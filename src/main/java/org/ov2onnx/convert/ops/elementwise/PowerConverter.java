package org.ov2onnx.convert.ops.elementwise;

import java.util.EnumSet;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/** Power becomes Pow (same broadcasting); ONNX Pow takes float, i32 and i64 bases. */
@ConvertsOp(type = "Power", versions = 1, notes = "Pow; f16/bf16/f32/f64, i32, i64")
public final class PowerConverter implements OpConverter {
  private static final Set<ElementType> TYPES =
      Elementwise.union(Elementwise.FLOATS, EnumSet.of(ElementType.I32, ElementType.I64));

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    Elementwise.binary(node, graph, "Pow", TYPES);
  }
}
