package org.ov2onnx.onnx;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProtoOrBuilder;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ElementType;

/**
 * The last, cheap, in-process structural check of a model before it is written: a model that
 * fails it is never written. {@link OnnxModelWriter} runs it on every model.
 *
 * <p>It checks what makes a model unusable whatever the operators mean: every node input is a
 * graph input, an initializer or the output of an earlier node (inside sub-graph attributes of
 * Loop, If and Scan: also a value of an enclosing graph); no value is defined twice in a graph;
 * every graph output is produced; every graph input and output has an element type; every tensor
 * (initializers and tensor attributes) holds exactly the bytes its type and shape need. ONNX's own
 * checker ({@code onnx.checker} with {@code full_check}) checks more, out of process, in the tests.
 */
public final class OnnxModelGate {
  private OnnxModelGate() {}

  /** Thrown for a model that must not be written; the message names the value or node. */
  public static class InvalidModelException extends IOException {
    InvalidModelException(String message) {
      super(message);
    }
  }

  /** Checks {@code model}; throws naming the first problem. */
  public static void check(ModelProtoOrBuilder model) throws InvalidModelException {
    if (!model.hasGraph()) {
      throw new InvalidModelException("the converted model has no graph");
    }
    GraphProto g = model.getGraph();
    graph(g, Set.of(), "the main graph");
    knownRanks(g);
    OnnxTypeCheck.check(model);
  }

  /**
   * ONNX's checker requires a shape on the main graph's inputs and outputs: a value of unknown
   * rank cannot be declared there. Names the input(s) to give a rank with {@code --input}.
   */
  private static void knownRanks(GraphProto g) throws InvalidModelException {
    java.util.List<String> unranked = new java.util.ArrayList<>();
    for (ValueInfoProto in : g.getInputList()) {
      if (in.getType().hasTensorType() && !in.getType().getTensorType().hasShape()) {
        unranked.add(in.getName());
      }
    }
    String hint = unranked.isEmpty()
        ? "give the inputs it depends on static ranks with --input NAME[d1,d2,...] (? for a dynamic dimension)"
        : "give " + (unranked.size() == 1 ? "it" : "them") + " a rank with --input, e.g. --input " + unranked.get(0)
            + "[?,?] (one ? per dynamic dimension)";
    if (!unranked.isEmpty()) {
      throw new InvalidModelException("input(s) " + String.join(", ", unranked)
          + " of the model have an unknown rank, which an ONNX graph input cannot declare; " + hint);
    }
    for (ValueInfoProto out : g.getOutputList()) {
      if (out.getType().hasTensorType() && !out.getType().getTensorType().hasShape()) {
        throw new InvalidModelException("output '" + out.getName()
            + "' has an unknown rank, which an ONNX graph output cannot declare; " + hint);
      }
    }
  }

  private static void graph(GraphProto g, Set<String> outer, String where) throws InvalidModelException {
    Set<String> defined = new HashSet<>(outer);
    Set<String> local = new HashSet<>();
    for (ValueInfoProto in : g.getInputList()) {
      typed(in, "input", where);
      define(in.getName(), local, defined, where);
    }
    for (TensorProto t : g.getInitializerList()) {
      tensor(t, "initializer '" + t.getName() + "' of " + where);
      if (!local.contains(t.getName())) { // an initializer may back a graph input of the same name
        define(t.getName(), local, defined, where);
      }
    }
    for (NodeProto n : g.getNodeList()) {
      // described only for a message: building it for every node is measurable on 100,000 nodes
      Supplier<String> node = () -> "node '" + n.getName() + "' (" + n.getOpType() + ") in " + where;
      for (String in : n.getInputList()) {
        if (!in.isEmpty() && !defined.contains(in)) {
          throw new InvalidModelException(node.get() + " uses '" + in + "', which nothing before it produces");
        }
      }
      for (AttributeProto a : n.getAttributeList()) {
        attribute(a, node, defined);
      }
      for (String out : n.getOutputList()) {
        if (!out.isEmpty()) {
          define(out, local, defined, where);
        }
      }
    }
    for (ValueInfoProto out : g.getOutputList()) {
      typed(out, "output", where);
      if (!defined.contains(out.getName())) {
        throw new InvalidModelException("output '" + out.getName() + "' of " + where + " is not produced by anything");
      }
    }
  }

  private static void attribute(AttributeProto a, Supplier<String> node, Set<String> scope) throws InvalidModelException {
    if (a.hasT()) {
      tensor(a.getT(), "attribute '" + a.getName() + "' of " + node.get());
    }
    for (TensorProto t : a.getTensorsList()) {
      tensor(t, "attribute '" + a.getName() + "' of " + node.get());
    }
    if (a.hasG()) {
      graph(a.getG(), scope, "the sub-graph '" + a.getName() + "' of " + node.get());
    }
    for (GraphProto g : a.getGraphsList()) {
      graph(g, scope, "a sub-graph '" + a.getName() + "' of " + node.get());
    }
  }

  private static void define(String name, Set<String> local, Set<String> defined, String where)
      throws InvalidModelException {
    if (name.isEmpty()) {
      throw new InvalidModelException("a value of " + where + " has no name");
    }
    if (!local.add(name)) {
      throw new InvalidModelException("'" + name + "' is defined twice in " + where);
    }
    defined.add(name);
  }

  private static void typed(ValueInfoProto v, String role, String where) throws InvalidModelException {
    TypeProto t = v.getType();
    boolean ok = t.hasTensorType() ? t.getTensorType().getElemType() != 0
        : t.hasSequenceType() || t.hasOptionalType() || t.hasMapType() || t.hasSparseTensorType();
    if (!ok) {
      throw new InvalidModelException(role + " '" + v.getName() + "' of " + where + " has no element type");
    }
  }

  /** Bits per element of an ONNX data type, 0 where the size is not fixed (strings) or unknown. */
  static int bits(int dataType) {
    switch (dataType) {
      case TensorProto.DataType.COMPLEX64_VALUE:
        return 64;
      case TensorProto.DataType.COMPLEX128_VALUE:
        return 128;
      case TensorProto.DataType.STRING_VALUE:
        return 0;
      default:
        ElementType e = OnnxTypes.fromOnnx(dataType);
        return e == null ? 0 : Math.max(0, e.bits());
    }
  }

  static void tensor(TensorProto t, String what) throws InvalidModelException {
    long count = 1;
    for (long d : t.getDimsList()) {
      if (d < 0) {
        throw new InvalidModelException(what + " has a negative dimension " + d);
      }
      try {
        count = Math.multiplyExact(count, d);
      } catch (ArithmeticException e) {
        throw new InvalidModelException(what + " has more elements than memory can hold: " + t.getDimsList());
      }
    }
    int type = t.getDataType();
    if (type == TensorProto.DataType.UNDEFINED_VALUE) {
      throw new InvalidModelException(what + " has no data type");
    }
    if (type == TensorProto.DataType.STRING_VALUE) {
      if (t.getStringDataCount() != count || t.hasRawData()) {
        throw new InvalidModelException(what + " holds " + t.getStringDataCount() + " strings, but its shape needs " + count);
      }
      return;
    }
    int bits = bits(type);
    if (bits == 0) {
      throw new InvalidModelException(what + " has the unknown data type " + type);
    }
    if (count > Long.MAX_VALUE / bits) {
      throw new InvalidModelException(what + " has more elements than memory can hold: " + t.getDimsList());
    }
    long bytes = (count * bits + 7) / 8;
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      String length = entry(t.getExternalDataList(), "length");
      if (length != null && !length.equals(Long.toString(bytes))) {
        throw new InvalidModelException(what + " has " + length + " bytes of external data, but its type and shape need " + bytes);
      }
      return;
    }
    if (t.hasRawData()) {
      if (t.getRawData().size() != bytes) {
        throw new InvalidModelException(what + " holds " + t.getRawData().size() + " bytes, but its type and shape need " + bytes);
      }
      return;
    }
    long typed = t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount() + t.getDoubleDataCount()
        + t.getUint64DataCount();
    boolean complex = type == TensorProto.DataType.COMPLEX64_VALUE || type == TensorProto.DataType.COMPLEX128_VALUE;
    // sub-byte values are packed, a byte's worth per int32 entry
    long need = complex ? 2 * count : bits < 8 ? bytes : count;
    if (typed != need) {
      throw new InvalidModelException(what + " holds " + typed + " values, but its type and shape need " + need);
    }
  }

  private static String entry(List<StringStringEntryProto> entries, String key) {
    for (StringStringEntryProto e : entries) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }
}
