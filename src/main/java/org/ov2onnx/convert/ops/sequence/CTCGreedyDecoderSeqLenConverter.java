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
 * CTCGreedyDecoderSeqLen: logits {@code [N, T, C]}, sequence lengths {@code [N]} and a blank
 * index (input 2, or the last class). ArgMax per step, steps below the length valid, then
 * {@link Ctc}: the classes {@code [N, T]} (-1 after the last) and their counts.
 */
@ConvertsOp(type = "CTCGreedyDecoderSeqLen", versions = 6, notes = "ArgMax, CumSum, ScatterElements (packing the kept classes), ReduceSum")
public final class CTCGreedyDecoderSeqLenConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String best = graph.addOne(OnnxNode.op("ArgMax").inputs(node.input(0)).attr("axis", 2L).attr("keepdims", 0L));
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(0)));
    String blank = node.inputCount() > 2
        ? graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 2), graph.int64s(false)))
        : graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, 2))), graph.int64s(true, 1)));
    String steps = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, 1)));
    String positions = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), steps, graph.int64s(true, 1)));
    String valid = graph.addOne(OnnxNode.op("Less").inputs(positions, Tensors.unsqueeze(graph, Tensors.int64Input(node, graph, 1), 1)));
    List<String> decoded = Ctc.decode(graph, best, valid, blank, node.boolAttr("merge_repeated"));
    emit(node, graph, 0, decoded.get(0));
    if (node.outputUsed(1)) {
      emit(node, graph, 1, decoded.get(1));
    }
  }

  private static void emit(NodeView node, GraphBuilder graph, int i, String value) throws ConversionException {
    ElementType t = node.outputType(i);
    OnnxNode op = t == ElementType.I64 ? OnnxNode.op("Identity").inputs(value) : OnnxNode.op("Cast").inputs(value).attr("to", (long) graph.onnxType(t));
    graph.add(op.outputs(node.output(i)));
  }
}
