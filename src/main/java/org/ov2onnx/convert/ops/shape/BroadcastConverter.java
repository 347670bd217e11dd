package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Broadcast v1 and v3. numpy (unidirectional: a valid OpenVINO model's result has the target
 * shape) and bidirectional both become Expand. explicit inserts the target axes that
 * axes_mapping (a constant) leaves out with Unsqueeze, then expands (OpenVINO reports v1's explicit
 * mode as "none"). pdpd is refused.
 */
@ConvertsOp(type = "Broadcast", versions = {1, 3}, notes = "Expand; explicit mode: Unsqueeze + Expand (constant axes_mapping); pdpd refused")
public final class BroadcastConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Expand", 0, node.inputType(0));
    String data = node.input(0);
    switch (mode) {
      case "numpy", "bidirectional" -> { }
      case "explicit", "none" -> data = explicit(node, graph);
      default -> throw node.error("broadcast mode '" + mode + "' has no ONNX form");
    }
    graph.add(OnnxNode.op("Expand").inputs(c.in(data), Tensors.int64Input(node, graph, 1)).outputs(c.out(node.output(0))));
    c.done();
  }

  private static String explicit(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.inputCount() < 3 || node.constantInput(2).isEmpty()) {
      throw node.error("explicit mode needs axes_mapping (input 2) as a constant");
    }
    long[] mapping = node.constantInts(2);
    int targetRank = Tensors.inputLength(node, 1);
    boolean[] mapped = new boolean[targetRank];
    long previous = -1;
    for (long a : mapping) {
      if (a <= previous || a >= targetRank) {
        throw node.error("axes_mapping " + java.util.Arrays.toString(mapping) + " must increase within the target rank " + targetRank);
      }
      mapped[(int) a] = true;
      previous = a;
    }
    long[] inserted = new long[targetRank - mapping.length];
    int k = 0;
    for (int a = 0; a < targetRank; a++) {
      if (!mapped[a]) {
        inserted[k++] = a;
      }
    }
    return inserted.length == 0 ? node.input(0) : Tensors.unsqueeze(graph, node.input(0), inserted);
  }
}
