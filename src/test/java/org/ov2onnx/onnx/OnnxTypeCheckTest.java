package org.ov2onnx.onnx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto.DataType;
import org.ov2onnx.onnx.proto.OnnxProto.TensorShapeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;

/** {@link OnnxTypeCheck} on hand-built models, against the real schema table generated from the onnx wheel. */
class OnnxTypeCheckTest {
  static ValueInfoProto value(String name, DataType type) {
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(type.getNumber())
            .setShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))))).build();
  }

  static NodeProto.Builder node(String op, String name, String... inOut) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
    for (int i = 0; i < inOut.length - 1; i++) {
      n.addInput(inOut[i]);
    }
    return n.addOutput(inOut[inOut.length - 1]);
  }

  static TensorProto initializer(String name, DataType type, int bytes) {
    return TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).addDims(bytes)
        .setRawData(ByteString.copyFrom(new byte[bytes])).build();
  }

  static AttributeProto intAttr(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
  }

  static AttributeProto graphAttr(String name, GraphProto g) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(g).build();
  }

  static ModelProto model(int opset, GraphProto.Builder g) {
    return ModelProto.newBuilder().setIrVersion(8).setGraph(g)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(opset)).build();
  }

  static String refusal(int opset, GraphProto.Builder g) {
    return assertThrows(OnnxTypeCheck.TypeConstraintException.class, () -> OnnxTypeCheck.check(model(opset, g)))
        .getMessage();
  }

  static void passes(int opset, GraphProto.Builder g) {
    assertDoesNotThrow(() -> OnnxTypeCheck.check(model(opset, g)));
  }

  static GraphProto.Builder conv(DataType type) {
    return GraphProto.newBuilder().setName("g").addInput(value("x", type)).addInitializer(initializer("w", type, 4))
        .addNode(node("Conv", "conv1", "x", "w", "y")).addOutput(value("y", type));
  }

  @Test
  void aFloatConvPassesAndAnInt32ConvIsRefusedNamingNodeOpInputTypeAndAllowedTypes() {
    passes(17, conv(DataType.FLOAT));
    String m = refusal(17, conv(DataType.INT32));
    assertTrue(m.contains("node 'conv1' (ONNX Conv)") && m.contains("input 'x'") && m.contains("tensor(int32)")
        && m.contains("Conv-11") && m.contains("tensor(float16), tensor(float), tensor(double)"), m);
    assertTrue(!m.contains("\n"), m);
  }

  @Test
  void theSchemaInForceIsTheLatestVersionAtTheOpset() {
    // Conv-22 adds bfloat16
    assertTrue(refusal(21, conv(DataType.BFLOAT16)).contains("Conv-11"));
    passes(22, conv(DataType.BFLOAT16));
    // Gelu exists from opset 20 only
    GraphProto.Builder gelu = GraphProto.newBuilder().addInput(value("x", DataType.FLOAT))
        .addNode(node("Gelu", "g", "x", "y")).addOutput(value("y", DataType.FLOAT));
    assertTrue(refusal(17, gelu).contains("has no operator Gelu at opset 17"));
    passes(20, gelu);
  }

  @Test
  void inputsBoundToOneTypeParameterMustAgree() {
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("a", DataType.FLOAT)).addInput(value("b", DataType.INT64))
        .addNode(node("Add", "add1", "a", "b", "y")).addOutput(value("y", DataType.FLOAT));
    String m = refusal(17, g);
    assertTrue(m.contains("node 'add1' (ONNX Add)") && m.contains("input 'b' (B) is tensor(int64)")
        && m.contains("input 'a' (A) is tensor(float)") && m.contains("of type T"), m);
    // a variadic homogeneous input: Concat of a float and an int64
    GraphProto.Builder c = GraphProto.newBuilder().addInput(value("a", DataType.FLOAT)).addInput(value("b", DataType.INT64))
        .addNode(node("Concat", "cat", "a", "b", "y").addAttribute(intAttr("axis", 0))).addOutput(value("y", DataType.FLOAT));
    assertTrue(refusal(17, c).contains("node 'cat' (ONNX Concat) input 'b'"));
  }

  @Test
  void typesFlowThroughCastConstantShapeAndQuantizeLinear() {
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", DataType.FLOAT))
        .addNode(node("Cast", "c", "x", "xi").addAttribute(intAttr("to", DataType.INT32_VALUE)))
        .addNode(node("Shape", "s", "x", "shape"))
        .addNode(node("Cast", "c2", "shape", "shape32").addAttribute(intAttr("to", DataType.INT32_VALUE)))
        .addNode(node("Add", "add", "xi", "shape32", "sum"))
        .addNode(node("Constant", "k", "scale").addAttribute(AttributeProto.newBuilder().setName("value")
            .setType(AttributeProto.AttributeType.TENSOR).setT(initializer("", DataType.FLOAT, 4).toBuilder().clearDims())))
        .addNode(node("QuantizeLinear", "q", "x", "scale", "qx"))
        .addNode(node("DequantizeLinear", "dq", "qx", "scale", "dqx"))
        .addOutput(value("sum", DataType.INT32)).addOutput(value("qx", DataType.UINT8)).addOutput(value("dqx", DataType.FLOAT));
    passes(17, g);
    // the graph output's declared type must be the value's
    g.setOutput(1, value("qx", DataType.INT8));
    String m = refusal(17, g);
    assertTrue(m.contains("output 'qx' of the main graph is declared tensor(int8), but the value is tensor(uint8)"), m);
    // a Shape (int64) added to an int32 is refused
    GraphProto.Builder bad = GraphProto.newBuilder().addInput(value("x", DataType.INT32))
        .addNode(node("Shape", "s", "x", "shape")).addNode(node("Add", "add", "x", "shape", "y"))
        .addOutput(value("y", DataType.INT32));
    assertTrue(refusal(17, bad).contains("input 'shape' (B) is tensor(int64)"));
  }

  @Test
  void aCastToAFourBitTypeNeedsOpset21() {
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", DataType.FLOAT))
        .addNode(node("Cast", "to4", "x", "y").addAttribute(intAttr("to", DataType.INT4_VALUE)))
        .addOutput(value("y", DataType.INT4));
    String m = refusal(19, g);
    assertTrue(m.contains("node 'to4' (ONNX Cast) output 'y' (output) is tensor(int4), which Cast-19 does not allow"), m);
    passes(21, g);
  }

  @Test
  void bodiesAreCheckedWithTheirOuterValuesAndMustMatchTheNode() {
    // Loop carrying a float through a body that adds an outer float
    GraphProto.Builder body = GraphProto.newBuilder().setName("body")
        .addInput(value("i", DataType.INT64)).addInput(value("cond", DataType.BOOL)).addInput(value("v", DataType.FLOAT))
        .addNode(node("Add", "inner", "v", "outer", "v2"))
        .addNode(node("Identity", "keep", "cond", "cond2"))
        .addOutput(value("cond2", DataType.BOOL)).addOutput(value("v2", DataType.FLOAT));
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("n", DataType.INT64)).addInput(value("outer", DataType.FLOAT))
        .addInput(value("v0", DataType.FLOAT)).addInput(value("c", DataType.BOOL))
        .addNode(node("Loop", "loop", "n", "c", "v0", "vn").addAttribute(graphAttr("body", body.build())))
        .addNode(node("Neg", "after", "vn", "y"))
        .addOutput(value("y", DataType.FLOAT));
    passes(17, g);
    // an outer int32 in the body's Add: the body's node is refused, and the message says where
    g.setInput(1, value("outer", DataType.INT32));
    String m = refusal(17, g);
    assertTrue(m.contains("node 'inner' (ONNX Add) in the sub-graph 'body' of node 'loop'") && m.contains("tensor(int32)"), m);
    // the carried value's type differs from the body's input
    g.setInput(1, value("outer", DataType.FLOAT)).setInput(2, value("v0", DataType.DOUBLE));
    m = refusal(17, g);
    assertTrue(m.contains("node 'loop' (ONNX Loop): input 'v0' is tensor(double), but input 'v' of the sub-graph 'body'"), m);
    // a Conv over int32 inside an If branch
    GraphProto.Builder then = conv(DataType.INT32).clearInput().setName("then");
    GraphProto.Builder otherwise = conv(DataType.FLOAT).clearInput().setName("else");
    GraphProto.Builder iff = GraphProto.newBuilder().addInput(value("c", DataType.BOOL)).addInput(value("x", DataType.INT32))
        .addNode(node("If", "if", "c", "y").addAttribute(graphAttr("then_branch", then.build()))
            .addAttribute(graphAttr("else_branch", otherwise.build())))
        .addOutput(value("y", DataType.INT32));
    m = refusal(17, iff);
    assertTrue(m.contains("node 'conv1' (ONNX Conv) in the sub-graph 'then_branch' of node 'if'"), m);
  }

  @Test
  void comMicrosoftMatMulNBitsIsCheckedAgainstTheHandWrittenTable() {
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("a", DataType.FLOAT))
        .addInitializer(initializer("b", DataType.UINT8, 16)).addInitializer(initializer("s", DataType.FLOAT, 8))
        .addNode(node("MatMulNBits", "mm", "a", "b", "s", "y").setDomain("com.microsoft"))
        .addOutput(value("y", DataType.FLOAT));
    ModelProto.Builder m = model(17, g).toBuilder()
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.microsoft").setVersion(1));
    assertDoesNotThrow(() -> OnnxTypeCheck.check(m));
    m.getGraphBuilder().setInput(0, value("a", DataType.INT32)).setOutput(0, value("y", DataType.INT32));
    String message = assertThrows(OnnxTypeCheck.TypeConstraintException.class, () -> OnnxTypeCheck.check(m)).getMessage();
    assertTrue(message.contains("com.microsoft.MatMulNBits") && message.contains("MatMulNBits-1"), message);
  }

  @Test
  void customOperatorOutputsAreUnknownAndUncheckedButUnknownOnnxOperatorsAreRefused() {
    GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", DataType.FLOAT))
        .addNode(node("Mystery", "custom", "x", "m").setDomain("org.openvinotoolkit"))
        .addNode(node("Relu", "r", "m", "y")).addOutput(value("y", DataType.FLOAT));
    ModelProto.Builder m = model(17, g).toBuilder()
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("org.openvinotoolkit").setVersion(1));
    assertDoesNotThrow(() -> OnnxTypeCheck.check(m));
    m.getGraphBuilder().setNode(0, node("Mystery", "custom", "x", "m"));
    String message = assertThrows(OnnxTypeCheck.TypeConstraintException.class, () -> OnnxTypeCheck.check(m)).getMessage();
    assertTrue(message.contains("node 'custom' (ONNX Mystery): ONNX has no operator Mystery at opset 17"), message);
  }
}
