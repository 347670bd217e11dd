package org.ov2onnx.convert.ops.elementwise;

import java.util.EnumSet;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * Power becomes Pow (same broadcasting); ONNX Pow takes float, i32 and i64 bases. The other
 * integer types (u8, u16, u32, u64, i8, i16: OpenVINO's ONNX reader writes BitShift as a
 * Multiply or Divide by {@code Power(2, shift)} in the shifted type) are raised as OpenVINO's CPU
 * plugin does it: in f32, saturated to the type's range, truncated back to the type. Every result
 * that f32 holds exactly (below 2^24) is the exact integer power; a larger one saturates like
 * OpenVINO's (255 for 2^8 in u8).
 */
@ConvertsOp(type = "Power", versions = 1,
    notes = "Pow; f16/bf16/f32/f64, i32, i64; other integer types in f32, saturated to the type (as OpenVINO's CPU plugin)")
public final class PowerConverter implements OpConverter {
  private static final Set<ElementType> TYPES =
      Elementwise.union(Elementwise.FLOATS, EnumSet.of(ElementType.I32, ElementType.I64));

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = node.inputType(0);
    if (TYPES.contains(t) || !Elementwise.isInteger(t)) {
      Elementwise.binary(node, graph, "Pow", TYPES);
      return;
    }
    Elementwise.checkBroadcast(node);
    String base = graph.cast(node.input(0), ElementType.F32);
    String exponent = graph.cast(node.input(1), ElementType.F32);
    String power = graph.addOne(OnnxNode.op("Pow").inputs(base, exponent));
    double lo = Elementwise.isSigned(t) ? -Math.pow(2, t.bits() - 1) : 0;
    double hi = Elementwise.isSigned(t) ? Math.pow(2, t.bits() - 1) - 1 : Math.pow(2, t.bits()) - 1;
    // the largest f32 not above the type's maximum (2^32 - 1 and 2^64 - 1 are not floats)
    float top = (float) hi;
    if (top > hi) {
      top = Math.nextDown(top);
    }
    String clipped = graph.addOne(OnnxNode.op("Clip")
        .inputs(power, graph.scalar(ElementType.F32, lo), graph.scalar(ElementType.F32, top)));
    graph.add(OnnxNode.op("Cast").inputs(clipped).outputs(node.output(0)).attr("to", (long) graph.onnxType(t)));
  }
}
