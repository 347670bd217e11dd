package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.ov2onnx.onnx.OnnxModelGate;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorShapeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;

/** The structural gate that every written model passes ({@link OnnxModelGate}). */
class OnnxModelGateTest {
  static ValueInfoProto value(String name, boolean ranked) {
    TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
    if (ranked) {
      t.setShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(2)));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
  }

  static NodeProto node(String op, String name, String... inOut) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
    for (int i = 0; i < inOut.length - 1; i++) {
      n.addInput(inOut[i]);
    }
    return n.addOutput(inOut[inOut.length - 1]).build();
  }

  static TensorProto floats(String name, int bytes, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
        .setRawData(ByteString.copyFrom(new byte[bytes]));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  static ModelProto.Builder model(GraphProto.Builder g) {
    return ModelProto.newBuilder().setGraph(g)
        .addOpsetImport(org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto.newBuilder().setVersion(17));
  }

  static GraphProto.Builder valid() {
    return GraphProto.newBuilder().addInput(value("x", true)).addInitializer(floats("w", 8, 2))
        .addNode(node("Add", "add", "x", "w", "y")).addOutput(value("y", true));
  }

  static String refusal(GraphProto.Builder g) {
    return assertThrows(OnnxModelGate.InvalidModelException.class, () -> OnnxModelGate.check(model(g))).getMessage();
  }

  @Test
  void aValidModelPasses() {
    assertDoesNotThrow(() -> OnnxModelGate.check(model(valid())));
  }

  @Test
  void aValueUsedBeforeItIsProducedIsRefused() {
    GraphProto.Builder g = valid().addNode(0, node("Relu", "early", "y", "z")).addOutput(value("z", true));
    assertTrue(refusal(g).contains("node 'early' (Relu)"));
  }

  @Test
  void anOutputThatNothingProducesIsRefused() {
    assertTrue(refusal(valid().addOutput(value("ghost", true))).contains("ghost"));
  }

  @Test
  void initializersMustHoldWhatTypeAndShapeNeed() {
    assertTrue(refusal(valid().setInitializer(0, floats("w", 16, 2))).contains("holds 16 bytes"));
    assertTrue(refusal(valid().setInitializer(0, floats("w", 16, 1L << 31, 1L << 31))).contains("more elements than memory"));
    assertTrue(refusal(valid().setInitializer(0, floats("w", 8))).contains("need 4"));
  }

  @Test
  void subGraphsMaySeeOuterValuesButNotUndefinedOnes() {
    GraphProto body = GraphProto.newBuilder().addNode(node("Neg", "inner", "y", "b")).addOutput(value("b", true)).build();
    NodeProto iff = NodeProto.newBuilder().setOpType("If").setName("if").addInput("c").addOutput("z")
        .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH).setG(body))
        .addAttribute(AttributeProto.newBuilder().setName("else_branch").setType(AttributeProto.AttributeType.GRAPH).setG(body))
        .build();
    ValueInfoProto c = ValueInfoProto.newBuilder().setName("c").setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.BOOL_VALUE).setShape(TensorShapeProto.getDefaultInstance()))).build();
    GraphProto.Builder g = valid().addInput(c).addNode(iff).addOutput(value("z", true));
    assertDoesNotThrow(() -> OnnxModelGate.check(model(g)));
    GraphProto bad = body.toBuilder().setNode(0, node("Neg", "inner", "nowhere", "b")).build();
    GraphProto.Builder g2 = valid().addInput(c)
        .addNode(iff.toBuilder().setAttribute(0, iff.getAttribute(0).toBuilder().setG(bad))).addOutput(value("z", true));
    assertTrue(refusal(g2).contains("'nowhere'"));
  }

  @Test
  void inputsOfUnknownRankAreRefusedNamingTheInput() {
    GraphProto.Builder g = valid().setInput(0, value("x", false));
    String message = refusal(g);
    assertTrue(message.contains("--input x["), message);
  }
}
