package org.ov2onnx.convert.rewrite;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ElementType;

/**
 * An 8-bit compressed table read by Gather along its rows (an LLM's token embedding, which NNCF
 * keeps in int8) gathers the compressed rows first and dequantizes only those:
 *
 * <pre>
 * flat = Reshape(indices, [-1]);  rows = Gather(q, flat);  scales = Gather(scale, flat);  zps = Gather(zero point, flat)
 * output = Reshape(DequantizeLinear(rows, scales, zps, axis 0), Shape(indices) ++ [H])
 * </pre>
 *
 * The same values as dequantizing the whole table and gathering from it (DequantizeLinear is per
 * element), but each call dequantizes the tokens it reads, not the whole vocabulary. Taken for a
 * [V, H] u8/i8 weight with one scale per row or per tensor whose single consumer is a Gather on
 * axis 0 with batch_dims 0, at opset 13+.
 */
final class CompressedGather {
  private CompressedGather() {}

  /** The Gather that reads rows of {@code w}, or -1. */
  static int find(SourceGraph graph, CompressedWeight w, int opset) throws ConversionException {
    boolean eightBit = w.storage() == ElementType.U8 || w.storage() == ElementType.I8;
    long[] stored = w.storedShape();
    if (!eightBit || opset < 13 || stored.length != 2 || !java.util.Arrays.equals(stored, w.outShape())
        || (w.scaleAxis() != 0 && w.scaleAxis() != -1)
        || (w.outType() != ElementType.F32 && w.outType() != ElementType.F16)) {
      return -1;
    }
    java.util.List<Integer> consumers = graph.consumers(w.last(), 0);
    if (consumers.size() != 1 || !graph.type(consumers.get(0)).equals("Gather")) {
      return -1;
    }
    int gather = consumers.get(0);
    NodeView g = graph.node(gather);
    if (graph.source(gather, 0).node() != w.last() || g.inputCount() < 3) {
      return -1;
    }
    long batchDims = g.attributes().containsKey("batch_dims") ? g.intAttr("batch_dims") : 0;
    var axis = g.constantInput(2);
    if (batchDims != 0 || axis.isEmpty() || axis.get().elementCount() != 1) {
      return -1;
    }
    long a = g.constantInts(2)[0];
    ElementType indexType = g.inputType(1);
    boolean integer = indexType == ElementType.I32 || indexType == ElementType.I64;
    return (a == 0 || a == -2) && integer ? gather : -1;
  }

  static void emit(SourceGraph graph, CompressedWeight w, NodeView gather, GraphBuilder out) throws ConversionException {
    long[] stored = w.storedShape();
    boolean perRow = w.scaleAxis() == 0;
    String table = out.initializer(out.fresh(gather.output(0) + "/compressed"), w.storage(), stored,
        graph.node(w.weight()).constantData().bytes());
    String indices = gather.input(1);
    String flat = out.addOne(OnnxNode.op("Reshape").inputs(indices, out.int64s(false, -1)));
    String rows = out.addOne(OnnxNode.op("Gather").inputs(table, flat).attr("axis", 0L));
    long[] scaleShape = perRow ? new long[] {stored[0]} : new long[0];
    double[] zp = w.zeroPoint();
    if (perRow && zp.length == 1) {
      zp = new double[w.scale().length];
      java.util.Arrays.fill(zp, w.zeroPoint()[0]);
    }
    String scale = out.constant(ElementType.F32, scaleShape, w.scale());
    String zero = out.constant(w.storage(), scaleShape, zp);
    OnnxNode dq;
    if (perRow) {
      String scales = out.addOne(OnnxNode.op("Gather").inputs(scale, flat).attr("axis", 0L));
      String zeros = out.addOne(OnnxNode.op("Gather").inputs(zero, flat).attr("axis", 0L));
      dq = OnnxNode.op("DequantizeLinear").inputs(rows, scales, zeros).attr("axis", 0L);
    } else {
      dq = OnnxNode.op("DequantizeLinear").inputs(rows, scale, zero);
    }
    String values = out.addOne(dq);
    String shape = out.addOne(OnnxNode.op("Concat")
        .inputs(out.addOne(OnnxNode.op("Shape").inputs(indices)), out.int64s(false, stored[1])).attr("axis", 0L));
    if (w.outType() == ElementType.F32) {
      out.add(OnnxNode.op("Reshape").inputs(values, shape).outputs(gather.output(0)));
    } else {
      String reshaped = out.addOne(OnnxNode.op("Reshape").inputs(values, shape));
      out.add(OnnxNode.op("Cast").inputs(reshaped).outputs(gather.output(0)).attr("to", (long) out.onnxType(w.outType())));
    }
  }
}
