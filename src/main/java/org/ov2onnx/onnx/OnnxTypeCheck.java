package org.ov2onnx.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.onnx.OnnxSchemas.Formal;
import org.ov2onnx.onnx.OnnxSchemas.Schema;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProtoOrBuilder;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Checks every node of a model against ONNX's type constraints at the model's opset: the schema in
 * force for a node is the operator's version with the largest since_version not above the opset
 * the model imports for its domain ({@link OnnxSchemas}, generated from the pinned onnx wheel).
 *
 * <p>Element types are propagated through the graph in node order: graph inputs and initializers
 * have theirs; a node's outputs get the type its schema fixes, the type its type parameter was
 * bound to by the inputs, or the type an attribute names (Cast and Constant, ConstantOfShape's
 * value, the {@code dtype} of EyeLike and the Random ops, QuantizeLinear's zero point or
 * output_dtype, ...); If, Loop and Scan take their outputs from their bodies, which are checked with
 * the values of the enclosing graphs in scope. A node is refused when an input's type is not one
 * its formal parameter allows, when inputs bound to one type parameter disagree, when an output's
 * type is not allowed (a Cast to int4 below opset 21), when a body's inputs or outputs do not match
 * what the node feeds or expects, or when a graph output is declared with another type than its
 * producer gives.
 *
 * <p>Unknown types. Only nodes of a domain the table does not describe (operators kept with
 * {@code --allow-custom-ops}) produce values of unknown type; an input of unknown type is not
 * checked, and the outputs it determines stay unknown (such a model needs that custom operator
 * library anyway, and ONNX's own checker cannot check it either). Everywhere else the check fails
 * closed: an operator of the ONNX or com.microsoft domain that the table lacks at the opset, or an
 * output whose type the check cannot establish, refuses the model.
 *
 * <p>Cost: one pass over the nodes, a hash lookup per input and output and a cached schema lookup
 * per operator type.
 */
public final class OnnxTypeCheck {
  /** A node that breaks ONNX's type constraints; the message is one line naming node, operator, value and types. */
  public static final class TypeConstraintException extends OnnxModelGate.InvalidModelException {
    TypeConstraintException(String message) {
      super(message);
    }
  }

  private final OnnxSchemas schemas = OnnxSchemas.get();
  private final Map<String, Integer> opsets = new HashMap<>();
  /** (domain, op) → the schema in force, or a marker for none. */
  private final Map<String, Schema> resolved = new HashMap<>();

  private static final Schema NONE = new Schema("", 0, false, 0, 0, 0, 0, new Formal[0], new Formal[0], new String[0]);

  private OnnxTypeCheck(ModelProtoOrBuilder model) {
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      opsets.put(domain(o.getDomain()), (int) o.getVersion());
    }
  }

  /** Checks {@code model}; throws naming the first node that breaks a type constraint. */
  public static void check(ModelProtoOrBuilder model) throws OnnxModelGate.InvalidModelException {
    new OnnxTypeCheck(model).graph(model.getGraph(), new Scope(null), null);
  }

  /**
   * Whether ONNX operator {@code op} of the default domain, at {@code opset}, accepts a tensor of
   * ONNX data type {@code dataType} at input {@code input} (for converters that must choose a type
   * an operator takes). False where the operator does not exist at that opset.
   */
  public static boolean accepts(String op, int opset, int input, int dataType) {
    Schema s = OnnxSchemas.get().resolve("", op, opset);
    Formal f = s == null ? null : s.input(input);
    return f != null && !s.deprecated() && f.allowed().has(OnnxSchemas.tensor(dataType));
  }

  private static String domain(String d) {
    return d.equals("ai.onnx") ? "" : d;
  }

  /** The values in scope: this graph's, then the enclosing graphs'. */
  private static final class Scope {
    final Scope parent;
    final Map<String, Integer> types = new HashMap<>();

    Scope(Scope parent) {
      this.parent = parent;
    }

    /** The type code of {@code name}; UNKNOWN where the check does not know it. */
    int type(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        Integer t = s.types.get(name);
        if (t != null) {
          return t;
        }
      }
      return OnnxSchemas.UNKNOWN;
    }
  }

  /** Checks {@code g}; returns the type of each graph output (computed, else declared). */
  private int[] graph(GraphProto g, Scope scope, String where) throws TypeConstraintException {
    for (ValueInfoProto in : g.getInputList()) {
      scope.types.put(in.getName(), code(in.getType()));
    }
    for (TensorProto t : g.getInitializerList()) {
      scope.types.putIfAbsent(t.getName(), OnnxSchemas.tensor(t.getDataType()));
    }
    for (NodeProto n : g.getNodeList()) {
      node(n, scope, where);
    }
    int[] outputs = new int[g.getOutputCount()];
    for (int i = 0; i < outputs.length; i++) {
      ValueInfoProto o = g.getOutput(i);
      int computed = scope.type(o.getName());
      int declared = code(o.getType());
      if (computed != OnnxSchemas.UNKNOWN && declared != OnnxSchemas.UNKNOWN && computed != declared) {
        throw new TypeConstraintException("output '" + o.getName() + "' of " + (where == null ? "the main graph" : where)
            + " is declared " + OnnxSchemas.typeName(declared) + ", but the value is "
            + OnnxSchemas.typeName(computed));
      }
      outputs[i] = computed != OnnxSchemas.UNKNOWN ? computed : declared;
    }
    return outputs;
  }

  /** The type code of a declared value (UNKNOWN for maps, sparse tensors and nested optionals). */
  static int code(TypeProto t) {
    switch (t.getValueCase()) {
      case TENSOR_TYPE:
        return OnnxSchemas.tensor(t.getTensorType().getElemType());
      case SEQUENCE_TYPE: {
        TypeProto e = t.getSequenceType().getElemType();
        return e.hasTensorType() ? OnnxSchemas.SEQ + OnnxSchemas.tensor(e.getTensorType().getElemType()) : 0;
      }
      case OPTIONAL_TYPE: {
        int inner = code(t.getOptionalType().getElemType());
        return inner == 0 || inner >= OnnxSchemas.OPT ? 0 : inner + OnnxSchemas.OPT;
      }
      default:
        return OnnxSchemas.UNKNOWN;
    }
  }

  private Schema schema(String domain, String op) {
    String key = domain.isEmpty() ? op : domain + "\u0000" + op;
    Schema s = resolved.get(key);
    if (s == null) {
      Integer opset = opsets.get(domain);
      s = opset == null ? null : schemas.resolve(domain, op, opset);
      resolved.put(key, s == null ? NONE : s);
    }
    return s == NONE ? null : s;
  }

  private void node(NodeProto n, Scope scope, String where) throws TypeConstraintException {
    String domain = domain(n.getDomain());
    Schema s = schema(domain, n.getOpType());
    if (s == null) {
      if (schemas.knows(domain)) {
        Integer opset = opsets.get(domain);
        throw new TypeConstraintException(name(n, where) + ": " + (domain.isEmpty() ? "ONNX" : domain)
            + (opset == null ? " is not imported by the model" : " has no operator " + n.getOpType() + " at opset " + opset));
      }
      for (String out : n.getOutputList()) { // a custom operator: its outputs' types are unknown
        scope.types.put(out, OnnxSchemas.UNKNOWN);
      }
      return;
    }
    if (s.deprecated()) {
      throw new TypeConstraintException(name(n, where) + ": " + s.label() + " is deprecated at opset " + opsets.get(domain));
    }
    int count = n.getInputCount();
    while (count > 0 && n.getInput(count - 1).isEmpty()) {
      count--;
    }
    if (count < s.minIn() || count > s.maxIn()) {
      throw new TypeConstraintException(name(n, where) + " has " + count + " inputs; " + s.label() + " takes "
          + s.minIn() + (s.maxIn() == s.minIn() ? "" : " to " + (s.maxIn() == Integer.MAX_VALUE ? "any number" : s.maxIn())));
    }
    if (n.getOutputCount() > s.maxOut()) {
      throw new TypeConstraintException(name(n, where) + " has " + n.getOutputCount() + " outputs; " + s.label()
          + " has at most " + s.maxOut());
    }
    int[] bound = new int[s.params().length];
    int[] boundBy = new int[bound.length];
    boolean unknownInput = false;
    for (int i = 0; i < count; i++) {
      String in = n.getInput(i);
      Formal f = s.input(i);
      if (in.isEmpty()) {
        if (f.option() == 'S') {
          throw new TypeConstraintException(name(n, where) + " leaves out input '" + f.name() + "', which " + s.label() + " requires");
        }
        continue;
      }
      int t = scope.type(in);
      if (t == OnnxSchemas.UNKNOWN) {
        unknownInput = true;
        continue;
      }
      if (!f.allowed().has(t)) {
        throw new TypeConstraintException(name(n, where) + " input '" + in + "' (" + f.name() + ") is "
            + OnnxSchemas.typeName(t) + ", which " + s.label() + " does not allow: " + constraint(f));
      }
      if (f.param() >= 0 && (f.homogeneous() || !f.variadic())) {
        int p = f.param();
        if (bound[p] == 0) {
          bound[p] = t;
          boundBy[p] = i;
        } else if (bound[p] != t) {
          throw new TypeConstraintException(name(n, where) + " input '" + in + "' (" + f.name() + ") is "
              + OnnxSchemas.typeName(t) + ", but input '" + n.getInput(boundBy[p]) + "' ("
              + s.input(boundBy[p]).name() + ") is " + OnnxSchemas.typeName(bound[p]) + "; " + s.label()
              + " needs both of type " + f.typeName());
        }
      }
    }
    int[] bodyOutputs = bodies(n, s, scope, where);
    if (bodyOutputs != null) {
      for (int t : bodyOutputs) {
        unknownInput |= t == OnnxSchemas.UNKNOWN; // a body output that depends on a custom operator
      }
    }
    for (int j = 0; j < n.getOutputCount(); j++) {
      String out = n.getOutput(j);
      if (out.isEmpty()) {
        continue;
      }
      Formal f = s.output(j);
      int t = f.param() < 0 ? f.allowed().single() : bound[f.param()];
      if (t == OnnxSchemas.UNKNOWN && bodyOutputs != null) {
        t = j < bodyOutputs.length ? bodyOutputs[j] : OnnxSchemas.UNKNOWN;
      }
      if (t == OnnxSchemas.UNKNOWN) {
        t = byAttribute(n, s, scope, bound);
      }
      if (t == OnnxSchemas.UNKNOWN) {
        t = f.allowed().single();
      }
      if (t == OnnxSchemas.UNKNOWN) {
        if (!unknownInput) {
          throw new TypeConstraintException(name(n, where) + ": the type of its output '" + out + "' (" + f.name()
              + ") cannot be established, so the model cannot be checked");
        }
      } else if (!f.allowed().has(t)) {
        throw new TypeConstraintException(name(n, where) + " output '" + out + "' (" + f.name() + ") is "
            + OnnxSchemas.typeName(t) + ", which " + s.label() + " does not allow: " + constraint(f));
      }
      scope.types.put(out, t);
    }
  }

  private static String constraint(Formal f) {
    return (f.param() >= 0 ? f.typeName() + " in {" : "{") + f.allowed().text() + "}";
  }

  private static String name(NodeProto n, String where) {
    String op = n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + "." + n.getOpType();
    return "node '" + n.getName() + "' (ONNX " + op + ")" + (where == null ? "" : " in " + where);
  }

  /** An output type that an attribute (or a rule of the operator) decides; UNKNOWN if none does. */
  private static int byAttribute(NodeProto n, Schema s, Scope scope, int[] bound) {
    switch (s.name()) {
      case "Cast":
        return OnnxSchemas.tensor((int) intAttr(n, "to", 0));
      case "Constant":
        return constantType(n);
      case "ConstantOfShape": {
        AttributeProto v = attr(n, "value");
        return v != null && v.hasT() ? OnnxSchemas.tensor(v.getT().getDataType()) : TensorProto.DataType.FLOAT_VALUE;
      }
      case "EyeLike":
      case "RandomUniformLike":
      case "RandomNormalLike":
      case "Bernoulli": {
        int dtype = OnnxSchemas.tensor((int) intAttr(n, "dtype", 0));
        return dtype != OnnxSchemas.UNKNOWN ? dtype : scope.type(n.getInput(0));
      }
      case "RandomUniform":
      case "RandomNormal":
        return OnnxSchemas.tensor((int) intAttr(n, "dtype", TensorProto.DataType.FLOAT_VALUE));
      case "Multinomial":
        return OnnxSchemas.tensor((int) intAttr(n, "dtype", TensorProto.DataType.INT32_VALUE));
      case "QuantizeLinear": { // no zero point: output_dtype, else uint8
        int dtype = OnnxSchemas.tensor((int) intAttr(n, "output_dtype", 0));
        return dtype != OnnxSchemas.UNKNOWN ? dtype : TensorProto.DataType.UINT8_VALUE;
      }
      case "DequantizeLinear": { // from opset 23: output_dtype, else the scale's type
        int dtype = OnnxSchemas.tensor((int) intAttr(n, "output_dtype", 0));
        return dtype != OnnxSchemas.UNKNOWN ? dtype : n.getInputCount() > 1 ? scope.type(n.getInput(1)) : 0;
      }
      case "LayerNormalization":
        return OnnxSchemas.tensor((int) intAttr(n, "stash_type", TensorProto.DataType.FLOAT_VALUE));
      case "HannWindow":
      case "HammingWindow":
      case "BlackmanWindow":
      case "MelWeightMatrix":
        return OnnxSchemas.tensor((int) intAttr(n, "output_datatype", TensorProto.DataType.FLOAT_VALUE));
      case "SequenceEmpty":
        return OnnxSchemas.SEQ + OnnxSchemas.tensor((int) intAttr(n, "dtype", TensorProto.DataType.FLOAT_VALUE));
      case "SequenceConstruct":
      case "SplitToSequence":
        return retag(scope.type(n.getInput(0)), 0, OnnxSchemas.SEQ);
      case "SequenceAt":
      case "ConcatFromSequence":
        return retag(scope.type(n.getInput(0)), OnnxSchemas.SEQ, 0);
      case "Optional": {
        int t = n.getInputCount() > 0 ? scope.type(n.getInput(0)) : OnnxSchemas.UNKNOWN;
        return t == OnnxSchemas.UNKNOWN ? t : retag(t, t & ~31, (t & ~31) + OnnxSchemas.OPT);
      }
      case "OptionalGetElement": {
        int t = scope.type(n.getInput(0));
        return t >= OnnxSchemas.OPT ? t - OnnxSchemas.OPT : t;
      }
      default:
        return OnnxSchemas.UNKNOWN;
    }
  }

  /** {@code t}, of kind {@code from}, as kind {@code to} (same element type); UNKNOWN if {@code t} is not of kind {@code from}. */
  private static int retag(int t, int from, int to) {
    return t != OnnxSchemas.UNKNOWN && (t & ~31) == from && to < 128 ? t - from + to : OnnxSchemas.UNKNOWN;
  }

  private static int constantType(NodeProto n) {
    for (AttributeProto a : n.getAttributeList()) {
      switch (a.getName()) {
        case "value":
          return OnnxSchemas.tensor(a.getT().getDataType());
        case "value_float":
        case "value_floats":
          return TensorProto.DataType.FLOAT_VALUE;
        case "value_int":
        case "value_ints":
          return TensorProto.DataType.INT64_VALUE;
        case "value_string":
        case "value_strings":
          return TensorProto.DataType.STRING_VALUE;
        default:
          break;
      }
    }
    return OnnxSchemas.UNKNOWN;
  }

  private static AttributeProto attr(NodeProto n, String name) {
    for (AttributeProto a : n.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }

  private static long intAttr(NodeProto n, String name, long otherwise) {
    AttributeProto a = attr(n, name);
    return a == null ? otherwise : a.getI();
  }

  /**
   * Checks the bodies of If, Loop and Scan (other operators have none the check models) with the
   * enclosing values in scope, and the agreement of their inputs and outputs with the node;
   * returns the node's output types as the bodies give them, or null.
   */
  private int[] bodies(NodeProto n, Schema s, Scope scope, String where) throws TypeConstraintException {
    if (n.getAttributeCount() == 0 || !(n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx"))) {
      return null;
    }
    switch (s.name()) {
      case "If": {
        int[] then = body(n, "then_branch", scope, where);
        int[] otherwise = body(n, "else_branch", scope, where);
        if (then == null || otherwise == null) {
          return null;
        }
        for (int i = 0; i < Math.min(then.length, otherwise.length); i++) {
          if (then[i] != OnnxSchemas.UNKNOWN && otherwise[i] != OnnxSchemas.UNKNOWN && then[i] != otherwise[i]) {
            throw new TypeConstraintException(name(n, where) + ": output " + i + " is " + OnnxSchemas.typeName(then[i])
                + " in then_branch but " + OnnxSchemas.typeName(otherwise[i]) + " in else_branch");
          }
        }
        int[] out = then.clone();
        for (int i = 0; i < Math.min(out.length, otherwise.length); i++) {
          out[i] = out[i] != OnnxSchemas.UNKNOWN ? out[i] : otherwise[i];
        }
        return out;
      }
      case "Loop":
        return loop(n, scope, where);
      case "Scan":
        return scan(n, scope, where);
      default:
        for (AttributeProto a : n.getAttributeList()) {
          if (a.hasG() || a.getGraphsCount() > 0) {
            throw new TypeConstraintException(name(n, where) + ": the check does not model the sub-graph '"
                + a.getName() + "' of " + s.label() + ", so the model cannot be checked");
          }
        }
        return null;
    }
  }

  private int[] body(NodeProto n, String attribute, Scope scope, String where) throws TypeConstraintException {
    AttributeProto a = attr(n, attribute);
    if (a == null || !a.hasG()) {
      return null;
    }
    return graph(a.getG(), new Scope(scope), "the sub-graph '" + attribute + "' of node '" + n.getName() + "'"
        + (where == null ? "" : " in " + where));
  }

  /** Loop: body inputs (iteration int64, condition bool, carried values) and outputs (condition, carried, scanned). */
  private int[] loop(NodeProto n, Scope scope, String where) throws TypeConstraintException {
    AttributeProto a = attr(n, "body");
    if (a == null || !a.hasG()) {
      return null;
    }
    GraphProto body = a.getG();
    String bodyName = "the sub-graph 'body' of node '" + n.getName() + "'" + (where == null ? "" : " in " + where);
    List<ValueInfoProto> ins = body.getInputList();
    expect(n, where, bodyName, "input", ins.size() > 0 ? ins.get(0) : null, TensorProto.DataType.INT64_VALUE, "the iteration number");
    expect(n, where, bodyName, "input", ins.size() > 1 ? ins.get(1) : null, TensorProto.DataType.BOOL_VALUE, "the condition");
    int carried = n.getInputCount() - 2;
    if (ins.size() != carried + 2) {
      throw new TypeConstraintException(name(n, where) + " carries " + carried + " values, but " + bodyName + " has "
          + ins.size() + " inputs (it needs " + (carried + 2) + ")");
    }
    for (int i = 0; i < carried; i++) {
      agree(n, where, "input '" + n.getInput(i + 2) + "'", scope.type(n.getInput(i + 2)),
          "input '" + ins.get(i + 2).getName() + "' of " + bodyName, code(ins.get(i + 2).getType()));
    }
    int[] outs = graph(body, new Scope(scope), bodyName);
    if (outs.length < carried + 1) {
      throw new TypeConstraintException(bodyName + " has " + outs.length + " outputs; it needs at least " + (carried + 1));
    }
    if (outs[0] != OnnxSchemas.UNKNOWN && outs[0] != TensorProto.DataType.BOOL_VALUE) {
      throw new TypeConstraintException("output '" + body.getOutput(0).getName() + "' of " + bodyName
          + " (the condition) is " + OnnxSchemas.typeName(outs[0]) + ", not tensor(bool)");
    }
    int[] result = new int[outs.length - 1];
    for (int i = 0; i < result.length; i++) {
      result[i] = outs[i + 1];
      if (i < carried) {
        agree(n, where, "output '" + body.getOutput(i + 1).getName() + "' of " + bodyName, outs[i + 1],
            "input '" + ins.get(i + 2).getName() + "' it carries to", code(ins.get(i + 2).getType()));
      }
    }
    return result;
  }

  /** Scan: the body's state inputs match the node's, its scan inputs have the element types of the node's. */
  private int[] scan(NodeProto n, Scope scope, String where) throws TypeConstraintException {
    AttributeProto a = attr(n, "body");
    if (a == null || !a.hasG()) {
      return null;
    }
    GraphProto body = a.getG();
    String bodyName = "the sub-graph 'body' of node '" + n.getName() + "'" + (where == null ? "" : " in " + where);
    if (body.getInputCount() != n.getInputCount()) {
      throw new TypeConstraintException(name(n, where) + " has " + n.getInputCount() + " inputs, but " + bodyName
          + " has " + body.getInputCount());
    }
    for (int i = 0; i < n.getInputCount(); i++) {
      agree(n, where, "input '" + n.getInput(i) + "'", scope.type(n.getInput(i)),
          "input '" + body.getInput(i).getName() + "' of " + bodyName, code(body.getInput(i).getType()));
    }
    return graph(body, new Scope(scope), bodyName);
  }

  private static void expect(NodeProto n, String where, String bodyName, String role, ValueInfoProto v, int type, String what)
      throws TypeConstraintException {
    if (v == null) {
      throw new TypeConstraintException(name(n, where) + ": " + bodyName + " lacks its " + role + " for " + what);
    }
    int t = code(v.getType());
    if (t != type) {
      throw new TypeConstraintException(role + " '" + v.getName() + "' of " + bodyName + " (" + what + ") is "
          + OnnxSchemas.typeName(t) + ", not " + OnnxSchemas.typeName(type));
    }
  }

  private static void agree(NodeProto n, String where, String a, int ta, String b, int tb) throws TypeConstraintException {
    if (ta != OnnxSchemas.UNKNOWN && tb != OnnxSchemas.UNKNOWN && ta != tb) {
      throw new TypeConstraintException(name(n, where) + ": " + a + " is " + OnnxSchemas.typeName(ta) + ", but " + b
          + " is " + OnnxSchemas.typeName(tb));
    }
  }
}
