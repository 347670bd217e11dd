package org.ov2onnx.convert.ops.control;

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

class LoopConverterTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /**
   * x_{k+1} = x_k · 0.9 + k while k < limit, for at most {@code trip} iterations; outputs the last x
   * and every x concatenated along axis 0, and (a body value that is not carried) x_k − 1 of the
   * last iteration.
   */
  private IrBuilder counting(String name, String trip, ElementType iterType, String iterShape, boolean tripInput) {
    IrBuilder ir = new IrBuilder(name);
    String tripCount = tripInput
        ? ir.parameter("trip", ElementType.I64, "")
        : ir.constant("trip", ElementType.I64, new long[0], Double.parseDouble(trip));
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String limit = ir.parameter("limit", iterType, iterShape);
    String go = ir.constant("go", ElementType.BOOLEAN, new long[0], 1);
    IrBuilder body = ir.body("body");
    String it = body.parameter("it", iterType, iterShape);
    String xb = body.parameter("xb", ElementType.F32, "2,3");
    String lim = body.parameter("lim", iterType, iterShape);
    String next = body.op("Add", 1, NUMPY,
        body.op("Multiply", 1, NUMPY, xb, body.constant("k", ElementType.F32, new long[0], 0.9)),
        body.op("Convert", 1, Map.of("destination_type", "f32"), it));
    String rCond = body.result(body.op("Less", 1, NUMPY, it, lim));
    String rX = body.result(next);
    String rAll = body.result(body.op("Unsqueeze", 1, Map.of(), next, body.ints("zero", 0)));
    String rMinus = body.result(body.op("Subtract", 1, NUMPY, next, body.constant("one", ElementType.F32, new long[0], 1)));
    String portMap = new PortMapXml().input(2, xb).input(3, lim).iteration(it).output(4, rX)
        .raw("<output axis=\"0\" external_port_id=\"5\" internal_layer_id=\"" + rAll + "\"/>")
        .output(6, rMinus).condition(rCond).backEdge(rX, xb).xml();
    List<String> outs = ir.subgraphOp("Loop", 5, Map.of(), portMap, Map.of("body", body), 3, tripCount, go, x, limit);
    outs.forEach(ir::result);
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"5,i64,'',13", "5,i32,'1',17", "-1,i64,'',21"})
  void constantTripCountCurrentIterationAndCondition(String trip, String iterType, String iterShape, int opset)
      throws Exception {
    ElementType t = ElementType.fromOvName(iterType);
    IrBuilder ir = counting("loop_" + iterType + "_" + opset, trip, t, iterShape, false);
    // limits from 0 (one iteration) to 7 (the trip count ends it first)
    OpCheck.of(ir, dir).opset(opset).range("limit", 0, 7).run().assertUsesOp("Loop");
  }

  @Test
  void tripCountFromAnInput() throws Exception {
    IrBuilder ir = counting("loop_trip_input", "0", ElementType.I64, "", true);
    for (long seed = 1; seed <= 3; seed++) {
      OpCheck.of(ir, dir).range("trip", 1, 6).range("limit", 2, 9).seed(seed).run().assertUsesOp("Loop");
    }
  }

  @Test
  void slicedInputOfALoop() throws Exception {
    IrBuilder ir = new IrBuilder("loop_sliced");
    String trip = ir.constant("trip", ElementType.I64, new long[0], 4);
    String go = ir.constant("go", ElementType.BOOLEAN, new long[0], 1);
    String x = ir.parameter("x", ElementType.F32, "2,4");
    IrBuilder body = ir.body("body");
    String col = body.parameter("col", ElementType.F32, "2,1");
    String acc = body.parameter("acc", ElementType.F32, "2,1");
    String next = body.op("Maximum", 1, NUMPY, acc, body.op("Exp", 1, Map.of(), col));
    String rAcc = body.result(next);
    String rGo = body.result(body.constant("true", ElementType.BOOLEAN, new long[0], 1));
    String portMap = new PortMapXml().slicedInput(2, col, 1).input(3, acc).output(4, rAcc).condition(rGo)
        .backEdge(rAcc, acc).xml();
    String init = ir.constant("init", ElementType.F32, new long[] {2, 1}, 0.5, 1.5);
    ir.result(ir.subgraphOp("Loop", 5, Map.of(), portMap, Map.of("body", body), 1, trip, go, x, init).get(0));
    OpCheck.of(ir, dir).run().assertUsesOp("Loop");
  }

  @Test
  void growingLoopCarriedValue() throws Exception {
    // a KV-cache-like value that grows by one row per iteration (dynamic carried shape)
    IrBuilder ir = new IrBuilder("loop_growing");
    String trip = ir.parameter("trip", ElementType.I64, "");
    String go = ir.constant("go", ElementType.BOOLEAN, new long[0], 1);
    String row = ir.parameter("row", ElementType.F32, "1,3");
    IrBuilder body = ir.body("body");
    String cache = body.parameter("cache", ElementType.F32, "?,3");
    String r = body.parameter("r", ElementType.F32, "1,3");
    String grown = body.op("Concat", 1, Map.of("axis", "0"), cache, body.op("Sqrt", 1, Map.of(), body.op("Abs", 1, Map.of(), r)));
    String rCache = body.result(grown);
    String rGo = body.result(body.constant("true", ElementType.BOOLEAN, new long[0], 1));
    String portMap = new PortMapXml().input(2, cache).input(3, r).output(4, rCache).condition(rGo)
        .backEdge(rCache, cache).xml();
    String empty = ir.constant("empty", ElementType.F32, new long[] {1, 3}, 1, 2, 3);
    ir.result(ir.subgraphOp("Loop", 5, Map.of(), portMap, Map.of("body", body), 1, trip, go, empty, row).get(0));
    OpCheck.of(ir, dir).range("trip", 1, 5).run().assertUsesOp("Loop");
  }
}
