package org.ov2onnx.convert.ops.sequence;

import java.util.List;
import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;

/**
 * CTCGreedyDecoder: logits {@code [T, N, C]} and a sequence mask {@code [T, N]}; the blank is the
 * last class; a sequence ends at its first zero in the mask. ArgMax per step, then {@link Ctc};
 * the result {@code [N, T, 1, 1]} holds the classes as floats, -1 after the last.
 */
@ConvertsOp(type = "CTCGreedyDecoder", versions = 1, notes = "ArgMax, CumSum, ScatterElements (packing the kept classes)")
public final class CTCGreedyDecoderConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String logits = Tensors.transpose(graph, node.input(0), 1, 0, 2);
    String best = graph.addOne(OnnxNode.op("ArgMax").inputs(logits).attr("axis", 2L).attr("keepdims", 0L));
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String classes = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, 2)));
    String blank = graph.addOne(OnnxNode.op("Sub").inputs(classes, graph.int64s(true, 1)));
    String mask = Tensors.transpose(graph, node.input(1), 1, 0);
    String ended = graph.cast(graph.addOne(OnnxNode.op("Equal").inputs(mask, graph.scalar(node.inputType(1), 0))), ElementType.I64);
    String zeros = graph.addOne(OnnxNode.op("CumSum").inputs(ended, graph.int64s(true, 1)));
    String valid = graph.addOne(OnnxNode.op("Equal").inputs(zeros, graph.int64s(true, 0)));
    List<String> decoded = Ctc.decode(graph, best, valid, blank, node.boolAttr("ctc_merge_repeated"));
    String values = graph.cast(decoded.get(0), node.outputType(0));
    graph.add(OnnxNode.op("Unsqueeze").inputs(values, graph.int64s(false, 2, 3)).outputs(node.output(0)));
  }
}
