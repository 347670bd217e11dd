package org.ov2onnx.convert.ops.indexing;

import org.ov2onnx.convert.ops.TypeCarrier;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * ScatterUpdate writes whole slices along a constant axis: the axis is moved to the front (data
 * and updates), ScatterND writes the slices, and a Transpose moves it back. Needs static ranks.
 */
@ConvertsOp(type = "ScatterUpdate", versions = 3, notes = "ScatterND (+ Transposes for axis > 0); the axis must be a constant")
public final class ScatterUpdateConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    int r = Tensors.inputRank(node, 0);
    int q = Tensors.inputRank(node, 1);
    int a = Tensors.axis(node, Tensors.constantScalar(node, 3), r);
    String index = Tensors.unsqueeze(graph, Tensors.int64Input(node, graph, 1), q);
    TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "ScatterND", 0, node.inputType(0));
    if (a == 0) {
      graph.add(OnnxNode.op("ScatterND").inputs(c.in(node.input(0)), index, c.in(node.input(2))).outputs(c.out(node.output(0))));
      c.done();
      return;
    }
    long[] dataToFront = new long[r];
    long[] back = new long[r];
    dataToFront[0] = a;
    for (int i = 0, k = 1; i < r; i++) {
      if (i != a) {
        dataToFront[k++] = i;
      }
    }
    for (int i = 0; i < r; i++) {
      back[(int) dataToFront[i]] = i;
    }
    // updates are [axes before a, index axes, axes after a]: index axes go first
    int u = r - 1 + q;
    long[] updatesToFront = new long[u];
    int k = 0;
    for (int i = 0; i < q; i++) {
      updatesToFront[k++] = a + i;
    }
    for (int i = 0; i < a; i++) {
      updatesToFront[k++] = i;
    }
    for (int i = a + q; i < u; i++) {
      updatesToFront[k++] = i;
    }
    String data = Tensors.transpose(graph, c.in(node.input(0)), dataToFront);
    String updates = Tensors.transpose(graph, c.in(node.input(2)), updatesToFront);
    String scattered = graph.addOne(OnnxNode.op("ScatterND").inputs(data, index, updates));
    graph.add(OnnxNode.op("Transpose").inputs(scattered).outputs(c.out(node.output(0))).attr("perm", back));
    c.done();
  }
}
