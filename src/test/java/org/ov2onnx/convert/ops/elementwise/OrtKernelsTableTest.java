package org.ov2onnx.convert.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto.DataType;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ElementType;

/**
 * The table of {@link OrtKernels} is true of the real ONNX Runtime: a one-node model of each listed
 * (operator, type) fails to load for want of a kernel (or of a type the schema allows), and the
 * same model over the carrier type loads.
 */
class OrtKernelsTableTest {
  private static final int OPSET = 21;

  @Test
  void everyListedTypeLacksItsKernelAndEveryCarrierHasIt() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<ElementType>> e : OrtKernels.LACKING.entrySet()) {
      for (ElementType t : e.getValue()) {
        String lacking = load(env, e.getKey(), t);
        // no kernel (NOT_IMPLEMENTED), or (TopK over bf16) not even a type ONNX's schema allows
        if (lacking == null || !(lacking.contains("NOT_IMPLEMENTED") || lacking.contains("Type Error"))) {
          wrong.add(e.getKey() + " over " + t + " loads: " + lacking);
        }
        String carrier = load(env, e.getKey(), OrtKernels.carrier(t));
        if (carrier != null) {
          wrong.add(e.getKey() + " over the carrier " + OrtKernels.carrier(t) + " of " + t + " fails: " + carrier);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void aTypeOutsideTheTableRunsDirectly() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    assertNull(load(env, "Max", ElementType.I32));
    assertNull(load(env, "Where", ElementType.U8));
    assertNull(load(env, "TopK", ElementType.F32));
  }

  /** Creates a session for a one-node model of {@code op} over {@code t}: null if it loads, else the error. */
  private static String load(OrtEnvironment env, String op, ElementType t) throws OrtException {
    GraphProto.Builder g = GraphProto.newBuilder().setName("g");
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName("n");
    switch (op) {
      case "Max", "Min" -> {
        n.addInput("a").addInput("b").addOutput("y");
        g.addInput(value("a", t)).addInput(value("b", t)).addOutput(value("y", t));
      }
      case "Equal" -> {
        n.addInput("a").addInput("b").addOutput("y");
        g.addInput(value("a", t)).addInput(value("b", t)).addOutput(value("y", ElementType.BOOLEAN));
      }
      case "Clip" -> {
        n.addInput("a").addInput("lo").addInput("hi").addOutput("y");
        g.addInput(value("a", t)).addInput(value("lo", t)).addInput(value("hi", t)).addOutput(value("y", t));
      }
      case "Where" -> {
        n.addInput("c").addInput("a").addInput("b").addOutput("y");
        g.addInput(value("c", ElementType.BOOLEAN)).addInput(value("a", t)).addInput(value("b", t)).addOutput(value("y", t));
      }
      case "TopK" -> {
        n.addInput("a").addInput("k").addOutput("y").addOutput("i");
        g.addInput(value("a", t)).addInput(value("k", ElementType.I64)).addOutput(value("y", t))
            .addOutput(value("i", ElementType.I64));
      }
      case "Reshape", "Unsqueeze", "Squeeze" -> {
        n.addInput("a").addInput("s").addOutput("y");
        g.addInput(value("a", t)).addInput(value("s", ElementType.I64)).addOutput(value("y", t));
      }
      case "Identity", "Flatten" -> {
        n.addInput("a").addOutput("y");
        g.addInput(value("a", t)).addOutput(value("y", t));
      }
      default -> throw new AssertionError("no one-node model for " + op);
    }
    ModelProto m = ModelProto.newBuilder().setIrVersion(OnnxTypes.irVersion(OPSET)).setGraph(g.addNode(n))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(m.toByteArray(), options)) {
      return null;
    } catch (OrtException e) {
      return e.getMessage();
    }
  }

  private static ValueInfoProto value(String name, ElementType t) {
    DataType type = OnnxTypes.toOnnx(t);
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()))).build();
  }
}
