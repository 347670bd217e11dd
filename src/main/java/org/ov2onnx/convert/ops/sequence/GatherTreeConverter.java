package org.ov2onnx.convert.ops.sequence;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;

/**
 * GatherTree: beam-search backtracking over {@code [T, batch, beams]}, unrolled over the static T.
 * From the last step back, each beam takes {@code step_ids[t][parent]} and moves to
 * {@code parent_ids[t][parent]} (GatherElements), steps at or past the batch's max_seq_len being
 * end_token and leaving the parent alone; then every step after the first end_token becomes
 * end_token (an exclusive CumSum of the end marks).
 */
@ConvertsOp(type = "GatherTree", versions = 1, notes = "GatherElements per step, unrolled over the static number of steps; CumSum for what follows end_token")
public final class GatherTreeConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (Tensors.inputRank(node, 0) != 3) {
      throw node.error("needs step_ids of rank 3");
    }
    Dimension steps = node.inputShape(0).dims().get(0);
    if (!steps.isStatic()) {
      throw node.error("needs a static number of steps (dimension 0): the backtracking is unrolled over it");
    }
    int t = (int) steps.length();
    String ids = node.input(0);
    String parents = Tensors.int64Input(node, graph, 1);
    String maxLength = Tensors.unsqueeze(graph, Tensors.int64Input(node, graph, 2), 1);
    String end = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(3), graph.int64s(false)));
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(ids));
    String beams = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, 2)));
    String beamIds = graph.addOne(OnnxNode.op("Range").inputs(graph.int64s(true, 0), beams, graph.int64s(true, 1)));
    String parent = graph.addOne(OnnxNode.op("Expand").inputs(beamIds,
        graph.addOne(OnnxNode.op("Slice").inputs(shape, graph.int64s(false, 1), graph.int64s(false, 3)))));
    String[] out = new String[t];
    for (int step = t - 1; step >= 0; step--) {
      String at = graph.int64s(true, step);
      String valid = graph.addOne(OnnxNode.op("Less").inputs(at, maxLength));
      String stepIds = graph.addOne(OnnxNode.op("Gather").inputs(ids, at));
      String value = graph.addOne(OnnxNode.op("GatherElements").inputs(stepIds, parent).attr("axis", 1L));
      out[step] = Tensors.unsqueeze(graph, graph.addOne(OnnxNode.op("Where").inputs(valid, value, end)), 0);
      if (step > 0) {
        String stepParents = graph.addOne(OnnxNode.op("Gather").inputs(parents, at));
        String next = graph.addOne(OnnxNode.op("GatherElements").inputs(stepParents, parent).attr("axis", 1L));
        parent = graph.addOne(OnnxNode.op("Where").inputs(valid, next, parent));
      }
    }
    String paths = t == 1 ? out[0] : graph.addOne(OnnxNode.op("Concat").inputs(out).attr("axis", 0L));
    String ended = graph.cast(graph.addOne(OnnxNode.op("Equal").inputs(paths, end)), ElementType.I32);
    String before = graph.addOne(OnnxNode.op("CumSum").inputs(ended, graph.int64s(true, 0)).attr("exclusive", 1L));
    String finished = graph.addOne(OnnxNode.op("Greater").inputs(before, graph.scalar(ElementType.I32, 0)));
    graph.add(OnnxNode.op("Where").inputs(finished, end, paths).outputs(node.output(0)));
  }
}
