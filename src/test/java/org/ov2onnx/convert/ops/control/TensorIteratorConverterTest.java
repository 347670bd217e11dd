package org.ov2onnx.convert.ops.control;

import static org.ov2onnx.testing.IrBuilder.layerId;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class TensorIteratorConverterTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /**
   * h_t = tanh(x_t · 0.5 + h_{t-1}) + bias over a sequence axis; outputs the last h and every h
   * concatenated. {@code xShape} is the outer input, {@code step} the slice length per iteration.
   */
  private IrBuilder recurrence(String name, String xShape, String sliceShape, String hShape, int axis, int stride,
      boolean reverseOutput) {
    IrBuilder ir = new IrBuilder(name);
    String x = ir.parameter("x", ElementType.F32, xShape);
    String h0 = ir.parameter("h0", ElementType.F32, hShape);
    String bias = ir.parameter("bias", ElementType.F32, hShape);
    String unused = ir.parameter("unused", ElementType.F32, "3");
    IrBuilder body = ir.body("body");
    String xi = body.parameter("xi", ElementType.F32, sliceShape);
    String hi = body.parameter("hi", ElementType.F32, hShape);
    String bi = body.parameter("bi", ElementType.F32, hShape);
    String ui = body.parameter("ui", ElementType.F32, "3");
    String reduced = body.op("ReduceSum", 1, Map.of("keep_dims", "false"), xi, body.ints("axis", axis));
    String scaled = body.op("Multiply", 1, NUMPY, reduced, body.constant("half", ElementType.F32, new long[0], 0.5));
    String h = body.op("Tanh", 1, Map.of(), body.op("Add", 1, NUMPY, scaled, hi));
    String hb = body.op("Add", 1, NUMPY, h, bi);
    String rh = body.result(hb);
    String ry = body.result(body.op("Unsqueeze", 1, Map.of(), hb, body.ints("one", axis)));
    int concatStride = reverseOutput ? -1 : 1;
    String sliceStart = stride < 0 ? "-1" : "0";
    String sliceEnd = stride < 0 ? "0" : "-1";
    String portMap = "<port_map>"
        + "<input axis=\"" + axis + "\" external_port_id=\"0\" internal_layer_id=\"" + layerId(xi) + "\" start=\""
        + sliceStart + "\" end=\"" + sliceEnd + "\" stride=\"" + stride + "\" part_size=\"" + Math.abs(stride) + "\"/>"
        + "<input external_port_id=\"1\" internal_layer_id=\"" + layerId(hi) + "\"/>"
        + "<input external_port_id=\"2\" internal_layer_id=\"" + layerId(bi) + "\"/>"
        + "<input external_port_id=\"3\" internal_layer_id=\"" + layerId(ui) + "\"/>"
        + "<output external_port_id=\"4\" internal_layer_id=\"" + rh + "\"/>"
        + "<output axis=\"" + axis + "\" external_port_id=\"5\" internal_layer_id=\"" + ry + "\" start=\""
        + (reverseOutput ? "-1" : "0") + "\" end=\"" + (reverseOutput ? "0" : "-1") + "\" stride=\"" + concatStride
        + "\" part_size=\"1\"/>"
        + "</port_map><back_edges><edge from-layer=\"" + rh + "\" to-layer=\"" + layerId(hi) + "\"/></back_edges>";
    List<String> outs = ir.subgraphOp("TensorIterator", 1, Map.of(), portMap, Map.of("body", body), 2, x, h0, bias, unused);
    ir.result(outs.get(0));
    ir.result(outs.get(1));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"1,false,17", "-1,false,17", "1,true,13", "-1,true,21"})
  void slicedMergedInvariantLastAndConcatenated(int stride, boolean reverseOutput, int opset) throws Exception {
    IrBuilder ir = recurrence("ti", "2,5,3", "2,1,3", "2,3", 1, stride, reverseOutput);
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Loop");
  }

  @Test
  void chunksOfTwoAlongTheFirstAxis() throws Exception {
    IrBuilder ir = recurrence("ti_chunks", "6,2,3", "2,2,3", "2,3", 0, 2, false);
    OpCheck.of(ir, dir).run().assertUsesOp("Loop");
  }

  @Test
  void dynamicBatch() throws Exception {
    IrBuilder ir = recurrence("ti_batch", "?,5,3", "?,1,3", "?,3", 1, 1, false);
    OpCheck.of(ir, dir).shape("x", 4, 5, 3).shape("h0", 4, 3).shape("bias", 4, 3).run().assertUsesOp("Loop");
  }

  @Test
  void dynamicSequenceLength() throws Exception {
    IrBuilder ir = recurrence("ti_seq", "2,?,3", "2,1,3", "2,3", 1, -1, true);
    OpCheck.of(ir, dir).shape("x", 2, 7, 3).run().assertUsesOp("Loop");
  }

  @Test
  void loopInsideATensorIterator() throws Exception {
    // the outer body runs an inner Loop over the slice's second axis (OpenVINO forbids a
    // TensorIterator directly inside a TensorIterator)
    IrBuilder ir = new IrBuilder("ti_nested");
    String x = ir.parameter("x", ElementType.F32, "3,4,2");
    IrBuilder outer = ir.body("outer");
    String row = outer.parameter("row", ElementType.F32, "1,4,2");
    String acc = outer.parameter("acc", ElementType.F32, "1,1,2");
    IrBuilder inner = outer.body("inner");
    String cell = inner.parameter("cell", ElementType.F32, "1,1,2");
    String sum = inner.parameter("sum", ElementType.F32, "1,1,2");
    String next = inner.op("Add", 1, NUMPY, inner.op("Multiply", 1, NUMPY, sum,
        inner.constant("k", ElementType.F32, new long[0], 0.9)), cell);
    String rSum = inner.result(next);
    String rGo = inner.result(inner.constant("go", ElementType.BOOLEAN, new long[0], 1));
    String innerMap = new PortMapXml().slicedInput(2, cell, 1).input(3, sum).output(4, rSum).condition(rGo)
        .backEdge(rSum, sum).xml();
    String trip = outer.constant("trip", ElementType.I64, new long[0], 4);
    String yes = outer.constant("yes", ElementType.BOOLEAN, new long[0], 1);
    String innerOut = outer.subgraphOp("Loop", 5, Map.of(), innerMap, Map.of("body", inner), 1, trip, yes, row, acc).get(0);
    String rAcc = outer.result(outer.op("Sin", 1, Map.of(), innerOut));
    String outerMap = "<port_map>"
        + "<input axis=\"0\" external_port_id=\"0\" internal_layer_id=\"" + layerId(row) + "\" start=\"0\" end=\"-1\" stride=\"1\" part_size=\"1\"/>"
        + "<input external_port_id=\"1\" internal_layer_id=\"" + layerId(acc) + "\"/>"
        + "<output axis=\"0\" external_port_id=\"2\" internal_layer_id=\"" + rAcc + "\" start=\"0\" end=\"-1\" stride=\"1\" part_size=\"1\"/>"
        + "</port_map><back_edges><edge from-layer=\"" + rAcc + "\" to-layer=\"" + layerId(acc) + "\"/></back_edges>";
    String init = ir.constant("init", ElementType.F32, new long[] {1, 1, 2}, 0.1, -0.2);
    ir.result(ir.subgraphOp("TensorIterator", 1, Map.of(), outerMap, Map.of("body", outer), 1, x, init).get(0));
    OpCheck.of(ir, dir).run().assertUsesOp("Loop");
  }
}
