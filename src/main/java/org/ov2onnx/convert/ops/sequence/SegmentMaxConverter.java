package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * SegmentMax: {@code out[s] = max of data[i] with segment_ids[i] == s}, for s below num_segments
 * (or max(segment_ids) + 1); an empty segment is 0 (fill_mode zero) or the type's lowest value
 * (fill_mode lowest). With a membership mask {@code [S, N]}: Where(mask, data, -inf or the
 * integer minimum) and ReduceMax over N (exact at every opset; memory S x N x row size), then
 * Where(empty, fill, max). i16/u16 (which ReduceMax takes only from opset 18) go through i32.
 */
@ConvertsOp(type = "SegmentMax", versions = 16, notes = "Where over a segment mask + ReduceMax (memory segments x rows)")
public final class SegmentMaxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = node.outputType(0);
    boolean narrow = t == ElementType.I16 || t == ElementType.U16;
    ElementType work = narrow ? ElementType.I32 : t;
    String fillMode = node.stringAttr("fill_mode").toLowerCase(java.util.Locale.ROOT);
    if (!fillMode.equals("zero") && !fillMode.equals("lowest")) {
      throw node.error("unknown fill_mode '" + fillMode + "'");
    }
    int rank = Tensors.inputRank(node, 0);
    String ids = Tensors.int64Input(node, graph, 1);
    String count = node.inputCount() > 2
        ? graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 2), graph.int64s(false)))
        : graph.addOne(OnnxNode.op("Add").inputs(graph.addOne(OnnxNode.op("ReduceMax").inputs(ids).attr("keepdims", 0L)), graph.int64s(true, 1)));
    String segments = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), count, graph.int64s(true, 1)));
    String mask = graph.addOne(OnnxNode.op("Equal").inputs(Tensors.unsqueeze(graph, segments, 1), ids));
    long[] trailing = new long[rank - 1];
    for (int i = 0; i < trailing.length; i++) {
      trailing[i] = 2 + i;
    }
    String wide = trailing.length == 0 ? mask : Tensors.unsqueeze(graph, mask, trailing);
    String data = Tensors.unsqueeze(graph, Tensors.castIfNeeded(graph, node.input(0), t, work), 0);
    boolean isFloat = Tensors.isFloat(t);
    String filler = graph.scalar(work, isFloat ? Double.NEGATIVE_INFINITY : lowest(node, t));
    String candidates = graph.addOne(OnnxNode.op("Where").inputs(wide, data, filler));
    String max = maxOverAxis1(graph, candidates, false);
    String members = maxOverAxis1(graph, graph.cast(mask, ElementType.I32), true);
    String empty = graph.addOne(OnnxNode.op("Equal").inputs(members, graph.scalar(ElementType.I32, 0)));
    String emptyWide = trailing.length <= 1 ? empty : Tensors.unsqueeze(graph, empty, java.util.Arrays.copyOfRange(trailing, 0, trailing.length - 1));
    String fill = graph.scalar(work, fillMode.equals("zero") ? 0 : (isFloat ? lowestFloat(node, t) : lowest(node, t)));
    String result = graph.addOne(OnnxNode.op("Where").inputs(trailing.length == 0 ? squeezeLast(graph, empty) : emptyWide, fill, max));
    graph.add(OnnxNode.op("Identity").inputs(Tensors.castIfNeeded(graph, result, work, t)).outputs(node.output(0)));
  }

  /** ReduceMax over axis 1: the axes an attribute before opset 18, an input from 18. */
  private static String maxOverAxis1(GraphBuilder graph, String x, boolean keepdims) throws ConversionException {
    OnnxNode reduce = OnnxNode.op("ReduceMax").inputs(x).attr("keepdims", keepdims ? 1L : 0L);
    return graph.addOne(graph.opset() >= 18 ? reduce.inputs(graph.int64s(false, 1)) : reduce.attr("axes", new long[] {1}));
  }

  private static String squeezeLast(GraphBuilder graph, String v) throws ConversionException {
    return Tensors.squeeze(graph, v, 1);
  }

  /** The smallest value of an integer type. */
  private static double lowest(NodeView node, ElementType t) throws ConversionException {
    return switch (t) {
      case I8 -> Byte.MIN_VALUE;
      case I16 -> Short.MIN_VALUE;
      case I32 -> Integer.MIN_VALUE;
      case I64 -> Long.MIN_VALUE;
      case U8, U16, U32, U64 -> 0;
      default -> throw node.error("element type " + t + " is not supported");
    };
  }

  /** The lowest finite value of a float type (numeric_limits::lowest). */
  private static double lowestFloat(NodeView node, ElementType t) throws ConversionException {
    return switch (t) {
      case F32 -> -Float.MAX_VALUE;
      case F64 -> -Double.MAX_VALUE;
      case F16 -> -65504.0;
      case BF16 -> -3.3895313892515355e38;
      default -> throw node.error("element type " + t + " is not supported");
    };
  }
}
