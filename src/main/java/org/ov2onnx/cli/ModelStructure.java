package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;

/** What {@code info} shows beyond ports and operations: state variables and sub-graph nesting. */
final class ModelStructure {
  private ModelStructure() {}

  /** A state variable: its id, type and shape, and the nodes that read and assign it. */
  record Variable(String id, String type, String shape, List<String> readers, List<String> assigns) {}

  /** A node with sub-graph bodies (TensorIterator, Loop, If). */
  record Subgraphs(String node, String op, List<Body> bodies) {}

  /** One body: how many nodes it has, and the sub-graph nodes inside it. */
  record Body(int index, String role, int nodes, List<Subgraphs> nested) {}

  /** The variables of the model's ReadValue/Assign nodes, in order of first use. */
  static List<Variable> variables(Model model) throws OpenVinoException {
    Map<String, Variable> vars = new LinkedHashMap<>();
    for (Node n : model.nodes()) {
      String type = n.type();
      boolean read = type.equals("ReadValue");
      if (!read && !type.equals("Assign")) {
        continue;
      }
      Map<String, AttributeValue> attrs = n.attributes();
      String id;
      String elementType = "";
      String shape = "";
      AttributeValue.Variable v = (AttributeValue.Variable) attrs.values().stream()
          .filter(a -> a instanceof AttributeValue.Variable).findFirst().orElse(null);
      if (v != null) {
        id = v.id();
        elementType = v.type().ovName();
        shape = v.shape().toString();
      } else if (attrs.get("variable_id") instanceof AttributeValue.Str s) {
        id = s.value();
      } else {
        continue;
      }
      if (read && elementType.isEmpty()) {
        // ReadValue-3 names the variable only: its type and shape are the value's
        elementType = n.outputPort(0).type().ovName();
        shape = n.outputPort(0).shape().toString();
      }
      Variable var = vars.computeIfAbsent(id, k -> new Variable(k, "", "", new ArrayList<>(), new ArrayList<>()));
      if (var.type().isEmpty() && !elementType.isEmpty()) {
        var = new Variable(id, elementType, shape, var.readers(), var.assigns());
        vars.put(id, var);
      }
      (read ? var.readers() : var.assigns()).add(n.name() + " (" + type + "-" + n.version() + ")");
    }
    return new ArrayList<>(vars.values());
  }

  /** The sub-graph nodes of {@code model} and, recursively, of their bodies. */
  static List<Subgraphs> subgraphs(Model model) throws OpenVinoException {
    List<Subgraphs> list = new ArrayList<>();
    for (Node n : model.nodes()) {
      int count = n.bodyCount();
      if (count == 0) {
        continue;
      }
      List<Body> bodies = new ArrayList<>();
      for (int b = 0; b < count; b++) {
        try (Model body = n.body(b)) {
          String role = n.type().equals("If") ? (b == 0 ? "then" : "else") : "body";
          bodies.add(new Body(b, role, body.nodes().size(), subgraphs(body)));
        }
      }
      list.add(new Subgraphs(n.name(), n.type() + "-" + n.version(), bodies));
    }
    return list;
  }

  static void printVariables(PrintWriter out, List<Variable> vars) {
    out.println("Variables (" + vars.size() + "):");
    for (Variable v : vars) {
      out.println("  " + v.id() + "  " + v.type() + " " + v.shape() + "  read by " + names(v.readers())
          + "; assigned by " + names(v.assigns()));
    }
  }

  private static String names(List<String> nodes) {
    return nodes.isEmpty() ? "(none)" : String.join(", ", nodes);
  }

  static void printSubgraphs(PrintWriter out, List<Subgraphs> list, String indent) {
    for (Subgraphs s : list) {
      out.println(indent + s.node() + " (" + s.op() + ")");
      for (Body b : s.bodies()) {
        out.println(indent + "  " + b.role() + " (body " + b.index() + "): " + b.nodes() + " nodes");
        printSubgraphs(out, b.nested(), indent + "    ");
      }
    }
  }

  static List<Object> variablesJson(List<Variable> vars) {
    List<Object> list = new ArrayList<>();
    for (Variable v : vars) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", v.id());
      m.put("element_type", v.type());
      m.put("shape", v.shape());
      m.put("read_by", v.readers());
      m.put("assigned_by", v.assigns());
      list.add(m);
    }
    return list;
  }

  static List<Object> subgraphsJson(List<Subgraphs> list) {
    List<Object> out = new ArrayList<>();
    for (Subgraphs s : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node", s.node());
      m.put("operation", s.op());
      List<Object> bodies = new ArrayList<>();
      for (Body b : s.bodies()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("index", b.index());
        o.put("role", b.role());
        o.put("node_count", b.nodes());
        o.put("subgraphs", subgraphsJson(b.nested()));
        bodies.add(o);
      }
      m.put("bodies", bodies);
      out.add(m);
    }
    return out;
  }
}
