package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/**
 * A verification-only wrapper for the element types ONNX Runtime's Java API cannot create or read
 * (u16, u32, u64, f8e4m3, f8e5m2, i4, u4): each such graph input becomes an input of a wider
 * "carrier" type followed by a Cast to the original type, and each such graph output gets a Cast
 * to the carrier type. Every cast is exact for every value of the original type:
 *
 * <ul>
 *   <li>u16 travels as i32 and u32 as i64 (the values fit);
 *   <li>u64 travels as i64 with the same bits (ONNX Runtime's Cast between the two keeps the bits);
 *   <li>f8e4m3 and f8e5m2 travel as f32 (every f8 value, infinities and NaN included, is an f32
 *       value; the Cast to f8 does not saturate, so infinities stay infinite);
 *   <li>i4 travels as i8 and u4 as u8.
 * </ul>
 *
 * The wrapped model exists only to be run, in a temporary file; it is never the user's output.
 */
final class EdgeCasts {
  /** A graph input or output that travels as {@code carrier} under the name {@code carrierName}. */
  record Edge(String name, String carrierName, ElementType type, ElementType carrier) {}

  static final String SUFFIX = "__ov2onnx_carrier";

  final List<Edge> inputs;
  final List<Edge> outputs;

  private EdgeCasts(List<Edge> inputs, List<Edge> outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** The type that carries {@code type} through ONNX Runtime's Java API, or null if none is needed. */
  static ElementType carrierOf(ElementType type) {
    return switch (type) {
      case U16 -> ElementType.I32;
      case U32, U64 -> ElementType.I64;
      case F8E4M3, F8E5M2 -> ElementType.F32;
      case I4 -> ElementType.I8;
      case U4 -> ElementType.U8;
      default -> null;
    };
  }

  /** The edges of {@code model}'s main graph that need a carrier. */
  static EdgeCasts plan(ModelProto model) {
    GraphProto g = model.getGraph();
    Set<String> initializers = new HashSet<>();
    g.getInitializerList().forEach(t -> initializers.add(t.getName()));
    List<Edge> ins = new ArrayList<>();
    for (ValueInfoProto v : g.getInputList()) {
      Edge e = edge(v);
      if (e != null && !initializers.contains(v.getName())) {
        ins.add(e);
      }
    }
    List<Edge> outs = new ArrayList<>();
    for (ValueInfoProto v : g.getOutputList()) {
      Edge e = edge(v);
      if (e != null) {
        outs.add(e);
      }
    }
    return new EdgeCasts(ins, outs);
  }

  private static Edge edge(ValueInfoProto v) {
    if (!v.getType().hasTensorType()) {
      return null;
    }
    ElementType type = OnnxTypes.fromOnnx(v.getType().getTensorType().getElemType());
    ElementType carrier = type == null ? null : carrierOf(type);
    return carrier == null ? null : new Edge(v.getName(), v.getName() + SUFFIX, type, carrier);
  }

  boolean isEmpty() {
    return inputs.isEmpty() && outputs.isEmpty();
  }

  /** {@code model} with the casts at its edges. */
  ModelProto apply(ModelProto model) {
    ModelProto.Builder m = model.toBuilder();
    GraphProto.Builder g = m.getGraphBuilder();
    List<NodeProto> casts = new ArrayList<>();
    for (int i = 0; i < g.getInputCount(); i++) {
      Edge e = find(inputs, g.getInput(i).getName());
      if (e != null) {
        g.setInput(i, retyped(g.getInput(i), e.carrierName(), e.carrier()));
        casts.add(cast(e.carrierName(), e.name(), e.type()));
      }
    }
    List<NodeProto> nodes = new ArrayList<>(casts);
    nodes.addAll(g.getNodeList());
    for (int i = 0; i < g.getOutputCount(); i++) {
      Edge e = find(outputs, g.getOutput(i).getName());
      if (e != null) {
        g.setOutput(i, retyped(g.getOutput(i), e.carrierName(), e.carrier()));
        nodes.add(cast(e.name(), e.carrierName(), e.carrier()));
      }
    }
    g.clearNode().addAllNode(nodes);
    return m.build();
  }

  static Edge find(List<Edge> edges, String name) {
    return edges.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  private static ValueInfoProto retyped(ValueInfoProto v, String name, ElementType type) {
    TypeProto.Builder t = v.getType().toBuilder();
    t.getTensorTypeBuilder().setElemType(OnnxTypes.toOnnx(type).getNumber());
    return v.toBuilder().setName(name).setType(t).build();
  }

  private static NodeProto cast(String from, String to, ElementType type) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType("Cast").setName(to + "__ov2onnx_cast").addInput(from).addOutput(to)
        .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT).setI(OnnxTypes.toOnnx(type).getNumber()));
    if (type == ElementType.F8E4M3 || type == ElementType.F8E5M2) {
      n.addAttribute(AttributeProto.newBuilder().setName("saturate").setType(AttributeProto.AttributeType.INT).setI(0));
    }
    return n.build();
  }

  /** {@code t} (of the edge's type) as the carrier type, value for value (u64: bit for bit). */
  static Tensor toCarrier(Tensor t, Edge e) {
    if (e.type() == ElementType.U64) {
      return Tensor.of(ElementType.I64, t.shape(), t.data());
    }
    return Tensor.of(e.carrier(), t.shape(), TensorValues.encode(e.carrier(), TensorValues.of(t)));
  }

  /** {@code t} (of the carrier type) back as the edge's type. */
  static Tensor fromCarrier(Tensor t, Edge e) {
    if (e.type() == ElementType.U64) {
      return Tensor.of(ElementType.U64, t.shape(), t.data());
    }
    return Tensor.of(e.type(), t.shape(), TensorValues.encode(e.type(), TensorValues.of(t)));
  }
}
