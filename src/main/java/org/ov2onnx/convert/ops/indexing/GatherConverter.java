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
 * Gather v1, v7, v8. Without batch_dims it is ONNX's Gather (which, like v8, counts negative
 * indices from the end). With batch_dims b > 0 the gathered axis is moved next to the batch axes,
 * GatherND (batch_dims b) picks along it, and a Transpose puts the index axes back in place; this
 * needs static ranks. OpenVINO v8 yields zeros for out-of-range indices, where ONNX Runtime fails.
 */
@ConvertsOp(type = "Gather", versions = {1, 7, 8}, notes = "Gather; batch_dims via GatherND (+ Transpose); the axis must be a constant")
public final class GatherConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long axis = Tensors.constantScalar(node, 2);
    long batchDims = node.attributes().containsKey("batch_dims") ? node.intAttr("batch_dims") : 0;
    String indices = Indices.int32or64(node, graph, 1);
    if (batchDims == 0) {
      TypeCarrier.Carried c = TypeCarrier.carry(node, graph, "Gather", 0, node.inputType(0));
      graph.add(OnnxNode.op("Gather").inputs(c.in(node.input(0)), indices).outputs(c.out(node.output(0))).attr("axis", axis));
      c.done();
      return;
    }
    int r = Tensors.inputRank(node, 0);
    int q = Tensors.inputRank(node, 1);
    int b = (int) (batchDims < 0 ? batchDims + q : batchDims);
    int a = Tensors.axis(node, axis, r);
    if (b < 0 || b > q || b > a) {
      throw node.error("batch_dims " + batchDims + " is invalid for axis " + axis + " and indices of rank " + q);
    }
    long[] toFront = new long[r];
    int k = 0;
    for (int i = 0; i < b; i++) {
      toFront[k++] = i;
    }
    toFront[k++] = a;
    for (int i = b; i < r; i++) {
      if (i != a) {
        toFront[k++] = i;
      }
    }
    String data = a == b ? node.input(0) : Tensors.transpose(graph, node.input(0), toFront);
    String index = Tensors.unsqueeze(graph, Tensors.int64Input(node, graph, 1), q);
    OnnxNode gather = OnnxNode.op("GatherND").inputs(data, index).attr("batch_dims", (long) b);
    if (a == b) {
      graph.add(gather.outputs(node.output(0)));
      return;
    }
    // GatherND gives [batch, index axes, axes before `a`, axes after]; move the index axes after the
    // axes before `a`
    int outRank = r - 1 + q - b;
    int indexAxes = q - b;
    int before = a - b;
    long[] perm = new long[outRank];
    k = 0;
    for (int i = 0; i < b; i++) {
      perm[k++] = i;
    }
    for (int i = 0; i < before; i++) {
      perm[k++] = b + indexAxes + i;
    }
    for (int i = 0; i < indexAxes; i++) {
      perm[k++] = b + i;
    }
    for (int i = b + indexAxes + before; i < outRank; i++) {
      perm[k++] = i;
    }
    graph.add(OnnxNode.op("Transpose").inputs(graph.addOne(gather)).outputs(node.output(0)).attr("perm", perm));
  }
}
