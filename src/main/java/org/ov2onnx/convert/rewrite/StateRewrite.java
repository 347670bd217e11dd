package org.ov2onnx.convert.rewrite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.convert.spi.Subgraph;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * State made explicit: each variable {@code V} of the model's ReadValue/Assign nodes becomes a
 * graph input {@code past.V} and a graph output {@code present.V}, which the caller feeds back
 * from one call to the next.
 *
 * <p>The first step: {@code past.V} has a same-named initializer, its default, so that the first
 * call may omit it. That default is what OpenVINO's ReadValue gives a variable that was never
 * assigned: zeros of the variable's shape, empty (length 0) along dynamic dimensions, when there
 * is no initial-value input; the initial value itself when OpenVINO can compute it from constants.
 * When the initial value depends on the model's inputs (ReadValue-6 with an initial-value
 * sub-graph such as the zeros [batch, heads, 0, dim] of an LLM's KV cache), the default is an
 * empty tensor, and an {@code If} uses the initial value whenever {@code past.V} is empty (so the
 * initial value follows each call's inputs, as in OpenVINO after a state reset); a variable shape
 * with no dynamic dimension gets a symbolic first dimension so that an empty value can be fed.
 * The pairs and the first-step rule of every variable are recorded in {@code metadata_props}:
 * {@code ov2onnx.state.V = past.V;present.V} and {@code ov2onnx.state_initial.V = zeros | constant
 * | computed-if-empty}.
 *
 * <p>A variable that is read and never assigned keeps its value ({@code present.V} is {@code
 * past.V}); one assigned and never read has only {@code present.V}. State lives only in the main
 * graph: a ReadValue or Assign inside a sub-graph body is refused.
 */
public final class StateRewrite implements GraphRewrite {
  /** Metadata key prefixes. */
  public static final String PAIR_KEY = "ov2onnx.state.";

  public static final String INITIAL_KEY = "ov2onnx.state_initial.";

  @Override
  public String name() {
    return "state";
  }

  @Override
  public String description() {
    return "ReadValue/Assign of variable V: graph input past.V (defaults to the initial state) and graph output present.V";
  }

  @Override
  public List<Op> handles() {
    return List.of(new Op("ReadValue", 3), new Op("ReadValue", 6), new Op("Assign", 3), new Op("Assign", 6));
  }

  private enum Initial {
    ZEROS("zeros"), CONSTANT("constant"), COMPUTED("computed-if-empty");

    final String label;

    Initial(String label) {
      this.label = label;
    }
  }

  /** One variable: its nodes, and what the emitters decided so far. */
  private static final class Var {
    final String id;
    final List<Integer> readers = new ArrayList<>();
    final List<Integer> assigns = new ArrayList<>();
    ElementType type;
    PartialShape shape; // as past.V declares it
    Initial initial;
    List<String> pastDims;
    String past;
    String present;

    Var(String id) {
      this.id = id;
    }
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) {
    Map<String, Var> vars = new LinkedHashMap<>();
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < graph.nodeCount(); i++) {
      String type = graph.type(i);
      if (claimed.test(i) || !(type.equals("ReadValue") || type.equals("Assign"))) {
        continue;
      }
      NodeView n = graph.node(i);
      Optional<AttributeValue.Variable> v = variable(n);
      if (!graph.isTopLevel() || v.isEmpty()) {
        String why = v.isEmpty()
            ? "has no state variable"
            : "uses the state variable '" + v.get().id() + "' inside a sub-graph body; only the main graph's state can become graph inputs and outputs";
        matches.add(new Match(i, new int[] {i}, out -> {
          throw n.error(why);
        }));
        continue;
      }
      Var var = vars.computeIfAbsent(v.get().id(), Var::new);
      (type.equals("ReadValue") ? var.readers : var.assigns).add(i);
    }
    Map<Integer, Var> byReader = new LinkedHashMap<>();
    for (Var var : vars.values()) {
      var.readers.forEach(r -> byReader.put(r, var));
    }
    for (Var var : vars.values()) {
      String problem = problem(graph, var);
      if (problem == null && !var.readers.isEmpty()) {
        problem = declarePast(graph, var);
      }
      for (int r : var.readers) {
        String p = problem;
        matches.add(new Match(r, new int[] {r}, out -> read(graph, r, var, p, out)));
      }
      for (int a : var.assigns) {
        String p = problem;
        matches.add(new Match(a, new int[] {a}, out -> assign(graph, a, var, byReader, p, out)));
      }
    }
    return matches;
  }

  /** The node's variable; ReadValue-3/Assign-3 name it only (its type and shape are the value's). */
  private static Optional<AttributeValue.Variable> variable(NodeView n) {
    Optional<AttributeValue.Variable> v = n.attributes().values().stream()
        .filter(a -> a instanceof AttributeValue.Variable)
        .map(a -> (AttributeValue.Variable) a)
        .findFirst();
    if (v.isEmpty() && n.attributes().get("variable_id") instanceof AttributeValue.Str id) {
      boolean read = n.type().equals("ReadValue");
      return Optional.of(new AttributeValue.Variable(
          id.value(), read ? n.outputType(0) : n.inputType(0), read ? n.outputShape(0) : n.inputShape(0)));
    }
    return v;
  }

  /** Why the variable's nodes cannot be converted together, or null. */
  private static String problem(SourceGraph graph, Var var) {
    if (var.assigns.isEmpty() || var.readers.isEmpty()) {
      // OpenVINO's CPU plugin refuses a ReadValue without its Assign ("doesn't have sibling
      // output"), and its IR reader an Assign without ReadValue
      return "variable '" + var.id + "' has " + (var.assigns.isEmpty() ? "no Assign" : "no ReadValue")
          + "; state needs a ReadValue/Assign pair (OpenVINO does not run such a model either)";
    }
    if (var.assigns.size() > 1) {
      return "variable '" + var.id + "' is assigned by " + var.assigns.size() + " Assign nodes ("
          + String.join(", ", var.assigns.stream().map(a -> graph.node(a).name()).toList())
          + "); one present." + var.id + " output needs exactly one";
    }
    List<Initial> kinds = var.readers.stream().map(r -> initialOf(graph.node(r))).distinct().toList();
    if (var.readers.size() > 1 && (kinds.size() > 1 || kinds.contains(Initial.CONSTANT))) {
      return "variable '" + var.id + "' is read by " + var.readers.size()
          + " ReadValue nodes with different or constant initial values; past." + var.id + " can have only one default";
    }
    return null;
  }

  private static Initial initialOf(NodeView n) {
    if (n.inputCount() == 0) {
      return Initial.ZEROS;
    }
    try {
      return n.constantInput(0).isPresent() ? Initial.CONSTANT : Initial.COMPUTED;
    } catch (ConversionException e) {
      return Initial.COMPUTED;
    }
  }

  /** Decides past.V's type, declared shape and dimension names (from the first reader). */
  private static String declarePast(SourceGraph graph, Var var) {
    NodeView first = graph.node(var.readers.get(0));
    AttributeValue.Variable v = variable(first).orElseThrow();
    var.type = v.type() == ElementType.DYNAMIC ? first.outputType(0) : v.type();
    PartialShape shape = v.shape().isRankDynamic() ? first.outputShape(0) : v.shape();
    var.initial = initialOf(first);
    if (var.type == ElementType.DYNAMIC || var.type == ElementType.STRING) {
      return "variable '" + var.id + "' has element type " + var.type + ", which a state input cannot carry";
    }
    if (shape.isRankDynamic()) {
      return "variable '" + var.id + "' has a dynamic rank; past." + var.id + " and present." + var.id
          + " need one (ONNX graph inputs and outputs have a shape)";
    }
    if (var.initial == Initial.COMPUTED && shape.dims().stream().allMatch(Dimension::isStatic)) {
      if (shape.rank() == 0) {
        return "variable '" + var.id + "' is a scalar whose initial value depends on the model's inputs: an empty past."
            + var.id + " cannot mark it unset";
      }
      List<Dimension> dims = new ArrayList<>(shape.dims());
      dims.set(0, Dimension.dynamic()); // so that an empty value (the "unset" mark) can be fed
      shape = new PartialShape(dims);
    }
    var.shape = shape;
    var.pastDims = var.initial == Initial.COMPUTED ? initialDims(graph, var.readers.get(0), shape) : new ArrayList<>();
    return null;
  }

  private static void read(SourceGraph graph, int node, Var var, String problem, GraphBuilder out)
      throws ConversionException {
    NodeView n = graph.node(node);
    if (problem != null) {
      throw n.error(problem);
    }
    if (var.past == null) {
      var.past = out.fresh("past." + var.id);
      out.graphInput(var.past, var.type, var.shape, var.pastDims);
      if (var.initial == Initial.CONSTANT) {
        ConstantData init = n.constantInput(0).orElseThrow();
        if (init.elementType() != var.type) {
          throw n.error("the initial value is " + init.elementType() + ", the variable '" + var.id + "' is " + var.type);
        }
        out.initializer(var.past, init);
      } else {
        long[] defaultShape = defaultShape(var.shape);
        long count = Arrays.stream(defaultShape).reduce(1, Math::multiplyExact);
        ByteBuffer zeros = ByteBuffer.allocateDirect(Math.toIntExact(var.type.byteSize(count))).order(ByteOrder.LITTLE_ENDIAN);
        out.initializer(var.past, var.type, defaultShape, zeros);
      }
      if (var.assigns.isEmpty()) {
        // never assigned: OpenVINO's variable keeps its value (or stays unset)
        var.present = out.addOne(OnnxNode.op("Identity").inputs(var.past).outputs(out.fresh("present." + var.id)));
        out.graphOutput(var.present, var.type, var.shape, var.pastDims);
      }
      record(var, out);
    }
    if (var.initial != Initial.COMPUTED) {
      out.add(OnnxNode.op("Identity").inputs(var.past).outputs(n.output(0)));
      return;
    }
    String size = out.addOne(OnnxNode.op("Size").inputs(var.past));
    String empty = out.addOne(OnnxNode.op("Equal").inputs(size, out.int64s(true, 0)));
    Subgraph initial = out.subgraph(n.name() + "/initial");
    initial.output(n.input(0), n.name() + "/initial_value", n.outputType(0), n.outputShape(0));
    Subgraph stored = out.subgraph(n.name() + "/stored");
    stored.output(var.past, n.name() + "/stored_value", n.outputType(0), n.outputShape(0));
    out.add(OnnxNode.op("If").inputs(empty).outputs(n.output(0))
        .attr("then_branch", initial).attr("else_branch", stored));
  }

  private static void assign(
      SourceGraph graph, int node, Var var, Map<Integer, Var> byReader, String problem, GraphBuilder out)
      throws ConversionException {
    NodeView n = graph.node(node);
    if (problem != null) {
      throw n.error(problem);
    }
    var.present = out.addOne(OnnxNode.op("Identity").inputs(n.input(0)).outputs(out.fresh("present." + var.id)));
    PartialShape shape = n.inputShape(0);
    List<String> dims = new ArrayList<>();
    if (!shape.isRankDynamic()) {
      for (int k = 0; k < shape.rank(); k++) {
        dims.add(shape.dims().get(k).isStatic() ? null : dimOrigin(graph, byReader, graph.source(node, 0), k, 0));
      }
    }
    out.graphOutput(var.present, n.inputType(0), shape, dims);
    if (n.outputUsed(0)) {
      out.add(OnnxNode.op("Identity").inputs(n.input(0)).outputs(n.output(0)));
    }
    record(var, out);
  }

  private static void record(Var var, GraphBuilder out) {
    out.metadata(PAIR_KEY + var.id, (var.past == null ? "" : var.past) + ";" + (var.present == null ? "" : var.present));
    if (var.past != null) {
      out.metadata(INITIAL_KEY + var.id, var.initial.label);
    }
  }

  /** The default value's shape: the variable's, with length 0 along dynamic dimensions. */
  private static long[] defaultShape(PartialShape shape) {
    return shape.dims().stream().mapToLong(d -> d.isStatic() ? d.length() : 0).toArray();
  }

  /**
   * Names for past.V's dimensions that tie them to model inputs: an initial value broadcast to a
   * shape made of the inputs' dimensions (ShapeOf, Gather, Concat) has those dimensions.
   */
  private static List<String> initialDims(SourceGraph graph, int reader, PartialShape shape) {
    List<String> dims = new ArrayList<>();
    SourceGraph.Source init = graph.source(reader, 0);
    List<String> origins = graph.type(init.node()).equals("Broadcast")
        ? elementOrigins(graph, graph.source(init.node(), 1), 0)
        : null;
    for (int k = 0; k < shape.rank(); k++) {
      boolean known = origins != null && origins.size() == shape.rank() && !shape.dims().get(k).isStatic();
      dims.add(known ? origins.get(k) : null);
    }
    return dims;
  }

  /**
   * For a 1-D (or scalar) integer value that holds a shape: the symbolic dimension name of each
   * element that is a model input's dynamic dimension (null for others); null if unknown.
   */
  private static List<String> elementOrigins(SourceGraph graph, SourceGraph.Source s, int depth) {
    int node = s.node();
    NodeView v = graph.node(node);
    if (depth > 16) {
      return null;
    }
    switch (graph.type(node)) {
      case "ShapeOf" -> {
        PartialShape in = v.inputShape(0);
        if (in.isRankDynamic()) {
          return null;
        }
        boolean parameter = graph.type(graph.source(node, 0).node()).equals("Parameter");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < in.rank(); k++) {
          names.add(parameter && !in.dims().get(k).isStatic() ? GraphBuilder.dimParam(v.input(0), k) : null);
        }
        return names;
      }
      case "Concat" -> {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.inputCount(); i++) {
          List<String> part = elementOrigins(graph, graph.source(node, i), depth + 1);
          if (part == null) {
            return null;
          }
          names.addAll(part);
        }
        return names;
      }
      case "Gather" -> {
        List<String> data = elementOrigins(graph, graph.source(node, 0), depth + 1);
        try {
          long[] indices = v.constantInts(1);
          if (data == null || v.constantInts(2)[0] != 0) {
            return null;
          }
          List<String> names = new ArrayList<>();
          for (long k : indices) {
            int at = (int) (k < 0 ? k + data.size() : k);
            if (at < 0 || at >= data.size()) {
              return null;
            }
            names.add(data.get(at));
          }
          return names;
        } catch (ConversionException e) {
          return null;
        }
      }
      case "Convert", "Squeeze", "Unsqueeze", "Reshape" -> {
        return elementOrigins(graph, graph.source(node, 0), depth + 1);
      }
      default -> {
        PartialShape out = v.outputShape(s.port());
        if (out.isRankDynamic() || out.rank() > 1 || !out.dims().stream().allMatch(Dimension::isStatic)) {
          return null;
        }
        long n = out.rank() == 0 ? 1 : out.dims().get(0).length();
        List<String> names = new ArrayList<>();
        for (long k = 0; k < n; k++) {
          names.add(null);
        }
        return names;
      }
    }
  }

  /**
   * The symbolic name of dimension {@code axis} of a value, when it provably equals a dimension
   * already named: a state's (through ReadValue) or a model input's, through Concat along another
   * axis, Convert and Gather along another axis. Null when unknown.
   */
  private static String dimOrigin(SourceGraph graph, Map<Integer, Var> byReader, SourceGraph.Source s, int axis, int depth) {
    int node = s.node();
    NodeView v = graph.node(node);
    if (depth > 32) {
      return null;
    }
    switch (graph.type(node)) {
      case "Parameter" -> {
        return GraphBuilder.dimParam(v.output(0), axis);
      }
      case "ReadValue" -> {
        Var var = byReader.get(node);
        if (var == null || var.past == null || var.shape.dims().get(axis).isStatic()) {
          return null;
        }
        String named = axis < var.pastDims.size() ? var.pastDims.get(axis) : null;
        return named != null ? named : GraphBuilder.dimParam(var.past, axis);
      }
      case "Concat" -> {
        long a;
        try {
          a = v.intAttr("axis");
        } catch (ConversionException e) {
          return null;
        }
        PartialShape shape = v.outputShape(0);
        if (shape.isRankDynamic() || (a < 0 ? a + shape.rank() : a) == axis) {
          return null;
        }
        for (int i = 0; i < v.inputCount(); i++) {
          String name = dimOrigin(graph, byReader, graph.source(node, i), axis, depth + 1);
          if (name != null) {
            return name;
          }
        }
        return null;
      }
      case "Convert" -> {
        return dimOrigin(graph, byReader, graph.source(node, 0), axis, depth + 1);
      }
      case "Gather" -> {
        try {
          long a = v.constantInts(2)[0];
          PartialShape in = v.inputShape(0);
          boolean plain = v.inputShape(1).rank() == 1 && (!v.attributes().containsKey("batch_dims") || v.intAttr("batch_dims") == 0);
          if (!plain || in.isRankDynamic() || (a < 0 ? a + in.rank() : a) == axis) {
            return null;
          }
          return dimOrigin(graph, byReader, graph.source(node, 0), axis, depth + 1);
        } catch (ConversionException | IllegalStateException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
  }
}
