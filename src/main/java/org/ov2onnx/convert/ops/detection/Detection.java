package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/** Helpers the detection converters share. */
final class Detection {
  private Detection() {}

  /** Input {@code i} as f32 (the only type ONNX's detection ops take): itself, or a Cast of it. */
  static String f32Input(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    ElementType t = node.inputType(i);
    if (t != ElementType.F32 && t != ElementType.F16 && t != ElementType.BF16 && t != ElementType.F64) {
      throw node.error("input " + i + " has type " + t + ", expected a floating-point type");
    }
    return t == ElementType.F32 ? node.input(i) : graph.cast(node.input(i), ElementType.F32);
  }

  /** Writes {@code value} (of type {@code from}) as the node's output {@code i}, cast when the types differ. */
  static void emit(NodeView node, GraphBuilder graph, int i, String value, ElementType from) throws ConversionException {
    ElementType wanted = node.outputType(i);
    OnnxNode op = wanted == from
        ? OnnxNode.op("Identity").inputs(value)
        : OnnxNode.op("Cast").inputs(value).attr("to", (long) graph.onnxType(wanted));
    graph.add(op.outputs(node.output(i)));
  }

  /** C, H and W of a 4-D input {@code i} whose C, H and W are static, or an error naming the node. */
  static long[] staticChw(NodeView node, int i) throws ConversionException {
    PartialShape in = node.inputShape(i);
    if (in.isRankDynamic() || in.rank() != 4 || !in.dims().get(1).isStatic() || !in.dims().get(2).isStatic()
        || !in.dims().get(3).isStatic()) {
      throw node.error("needs a 4-D input " + i + " with static C, H and W, got " + in);
    }
    return new long[] {in.dims().get(1).length(), in.dims().get(2).length(), in.dims().get(3).length()};
  }

  /** Static C, H, W of input 0 where H and W are above 1, as GridSample's align_corners normalization needs. */
  static long[] sampledChw(NodeView node) throws ConversionException {
    long[] chw = staticChw(node, 0);
    if (chw[1] < 2 || chw[2] < 2) {
      throw node.error("needs an input height and width above 1 (GridSample's normalized coordinates), got "
          + chw[1] + " x " + chw[2]);
    }
    return chw;
  }

  /** Checks that input 0 has output_dim · group_size² channels (position-sensitive pooling). */
  static void positionSensitiveChannels(NodeView node, long[] chw) throws ConversionException {
    long g = node.intAttr("group_size");
    long out = node.intAttr("output_dim");
    if (chw[0] != out * g * g) {
      throw node.error("input channels " + chw[0] + " are not output_dim * group_size^2 = " + out * g * g);
    }
  }

  /** Slice of {@code x} along {@code axis} from {@code start} to {@code end}. */
  static String slice(GraphBuilder graph, String x, long axis, long start, long end) throws ConversionException {
    return graph.addOne(OnnxNode.op("Slice").inputs(x, graph.int64s(false, start), graph.int64s(false, end), graph.int64s(false, axis)));
  }

  /** C's roundf: half away from zero (ONNX's Round is half to even). */
  static String roundHalfAway(GraphBuilder graph, String x) throws ConversionException {
    String magnitude = graph.addOne(OnnxNode.op("Floor").inputs(graph.addOne(OnnxNode.op("Add").inputs(
        graph.addOne(OnnxNode.op("Abs").inputs(x)), graph.scalar(ElementType.F32, 0.5)))));
    return graph.addOne(OnnxNode.op("Mul").inputs(magnitude, graph.addOne(OnnxNode.op("Sign").inputs(x))));
  }
}
