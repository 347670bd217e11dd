package org.ov2onnx.convert.ops.control;

import static org.ov2onnx.testing.IrBuilder.layerId;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class IfConverterTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  private static Tensor flag(boolean value, String shape) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(1);
    b.put(0, (byte) (value ? 1 : 0));
    return Tensor.of(ElementType.BOOLEAN, shape.isEmpty() ? new long[0] : new long[] {1}, b);
  }

  /**
   * then: (relu(a) + b, a); else: (−a · b, b + 1), with a constant weight only one branch uses and
   * an input only the then branch reads.
   */
  private IrBuilder branches(String name, String condShape) {
    IrBuilder ir = new IrBuilder(name);
    String c = ir.parameter("c", ElementType.BOOLEAN, condShape);
    String a = ir.parameter("a", ElementType.F32, "2,3");
    String b = ir.parameter("b", ElementType.F32, "2,3");
    IrBuilder then = ir.body("then");
    String ta = then.parameter("ta", ElementType.F32, "2,3");
    String tb = then.parameter("tb", ElementType.F32, "2,3");
    String t0 = then.result(then.op("Add", 1, NUMPY, then.op("Relu", 1, Map.of(), ta), tb));
    String t1 = then.result(then.op("Sin", 1, Map.of(), ta));
    IrBuilder otherwise = ir.body("else");
    String ea = otherwise.parameter("ea", ElementType.F32, "2,3");
    String eb = otherwise.parameter("eb", ElementType.F32, "2,3");
    String e0 = otherwise.result(otherwise.op("Multiply", 1, NUMPY, otherwise.op("Negative", 1, Map.of(), ea), eb));
    String e1 = otherwise.result(otherwise.op("Add", 1, NUMPY, eb,
        otherwise.constant("w", ElementType.F32, new long[] {3}, 1, 2, 3)));
    String maps = "<then_port_map>"
        + "<input external_port_id=\"1\" internal_layer_id=\"" + layerId(ta) + "\"/>"
        + "<input external_port_id=\"2\" internal_layer_id=\"" + layerId(tb) + "\"/>"
        + "<output external_port_id=\"3\" internal_layer_id=\"" + t0 + "\"/>"
        + "<output external_port_id=\"4\" internal_layer_id=\"" + t1 + "\"/>"
        + "</then_port_map><else_port_map>"
        + "<input external_port_id=\"1\" internal_layer_id=\"" + layerId(ea) + "\"/>"
        + "<input external_port_id=\"2\" internal_layer_id=\"" + layerId(eb) + "\"/>"
        + "<output external_port_id=\"3\" internal_layer_id=\"" + e0 + "\"/>"
        + "<output external_port_id=\"4\" internal_layer_id=\"" + e1 + "\"/>"
        + "</else_port_map>";
    List<String> outs = ir.subgraphOp("If", 8, Map.of(), maps, Map.of("then_body", then, "else_body", otherwise), 2, c, a, b);
    outs.forEach(ir::result);
    return ir;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1"})
  void bothBranches(String condShape) throws Exception {
    IrBuilder ir = branches("if_" + condShape.length(), condShape);
    for (boolean value : new boolean[] {true, false}) {
      OpCheck.of(ir, dir).input("c", flag(value, condShape)).run().assertUsesOp("If");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void loopInsideABranch(boolean value) throws Exception {
    // then: a Loop of 3 steps doubling its value; else: the input as it is
    IrBuilder ir = new IrBuilder("if_loop");
    String c = ir.parameter("c", ElementType.BOOLEAN, "");
    String x = ir.parameter("x", ElementType.F32, "4");
    IrBuilder then = ir.body("then");
    String tx = then.parameter("tx", ElementType.F32, "4");
    IrBuilder body = then.body("loop");
    String v = body.parameter("v", ElementType.F32, "4");
    String rV = body.result(body.op("Add", 1, NUMPY, v, v));
    String rGo = body.result(body.constant("true", ElementType.BOOLEAN, new long[0], 1));
    String loopMap = new PortMapXml().input(2, v).output(3, rV).condition(rGo).backEdge(rV, v).xml();
    String loop = then.subgraphOp("Loop", 5, Map.of(), loopMap, Map.of("body", body), 1,
        then.constant("trip", ElementType.I64, new long[0], 3), then.constant("go", ElementType.BOOLEAN, new long[0], 1), tx).get(0);
    String t0 = then.result(loop);
    IrBuilder otherwise = ir.body("else");
    String ex = otherwise.parameter("ex", ElementType.F32, "4");
    String e0 = otherwise.result(otherwise.op("Cos", 1, Map.of(), ex));
    String maps = "<then_port_map><input external_port_id=\"1\" internal_layer_id=\"" + layerId(tx) + "\"/>"
        + "<output external_port_id=\"2\" internal_layer_id=\"" + t0 + "\"/></then_port_map>"
        + "<else_port_map><input external_port_id=\"1\" internal_layer_id=\"" + layerId(ex) + "\"/>"
        + "<output external_port_id=\"2\" internal_layer_id=\"" + e0 + "\"/></else_port_map>";
    ir.result(ir.subgraphOp("If", 8, Map.of(), maps, Map.of("then_body", then, "else_body", otherwise), 1, c, x).get(0));
    OpCheck.of(ir, dir).input("c", flag(value, "")).run().assertUsesOp("If");
  }
}
