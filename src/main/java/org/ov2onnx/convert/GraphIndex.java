package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;

/**
 * What conversion needs to know about one OpenVINO graph (the model or a sub-graph body) up
 * front: each node's ports and input sources, who consumes each output, and the ONNX value name
 * of every node output. Value names are unique across every scope that shares {@code taken}.
 */
final class GraphIndex implements SourceGraph {
  final Model model;
  final List<Node> nodes;
  final List<String> types = new ArrayList<>();
  final List<Integer> versions = new ArrayList<>();
  final List<String> friendlyNames = new ArrayList<>();
  final List<List<Node.Source>> sources = new ArrayList<>();
  final List<List<Port>> outputs = new ArrayList<>();
  final List<String[]> valueNames = new ArrayList<>();
  /** consumers[node][port]: the nodes reading that output, then unused slots (counts in consumerCounts). */
  private int[][][] consumers;
  private int[][] consumerCounts;
  private final boolean topLevel;
  /** Body Parameters bound to values of the enclosing scope: their node indices. */
  private final Set<Integer> bound = new java.util.HashSet<>();
  /** Opened sub-graph bodies, by node: closed with the conversion. */
  private final Map<Integer, Model[]> bodies = new HashMap<>();
  private final List<AutoCloseable> resources;
  private final Set<String> taken;
  private final Map<String, Integer> versionNumbers = new HashMap<>();

  /** Indexes {@code model}; {@code resources} collects what must stay open until written. */
  GraphIndex(Model model, Set<String> taken, boolean topLevel, List<AutoCloseable> resources)
      throws OpenVinoException {
    this.model = model;
    this.topLevel = topLevel;
    this.resources = resources;
    this.taken = taken;
    this.nodes = model.nodes();
    List<Model.NodeSummary> summaries = model.describe(); // one native call for the whole graph
    consumers = new int[summaries.size()][][];
    consumerCounts = new int[summaries.size()][];
    for (Model.NodeSummary n : summaries) {
      types.add(n.type());
      versions.add(versionNumbers.computeIfAbsent(n.versionId(), GraphIndex::versionNumber));
      friendlyNames.add(n.name());
      List<Node.Source> in = n.inputs();
      int index = sources.size();
      sources.add(in);
      int outputCount = n.outputs().size();
      consumers[index] = new int[outputCount][];
      consumerCounts[index] = new int[outputCount];
      for (Node.Source s : in) {
        addConsumer(s.node(), s.port(), index);
      }
      outputs.add(n.outputs());
    }
    assignNames(taken);
  }

  /** Indexes a model on its own (names unique within it). */
  GraphIndex(Model model) throws OpenVinoException {
    this(model, new java.util.HashSet<>(), true, new ArrayList<>());
  }

  /** Node.version()'s number of a version id ("opset8" is 8), parsed once per distinct id. */
  private static int versionNumber(String id) {
    int v = 0;
    boolean any = false;
    for (int k = 0; k < id.length(); k++) {
      char c = id.charAt(k);
      if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        any = true;
      }
    }
    return any ? v : 0;
  }

  private void addConsumer(int node, int port, int consumer) {
    // OpenVINO's order is topological: a producer is indexed before its consumers
    if (node < 0 || node >= consumer || port < 0 || port >= consumers[node].length) {
      throw new IllegalStateException("node " + consumer + " reads output " + port + " of node " + node + ", which is not before it");
    }
    int[] list = consumers[node][port];
    int count = consumerCounts[node][port];
    if (list == null) {
      list = new int[2];
    } else if (count == list.length) {
      list = java.util.Arrays.copyOf(list, count * 2);
    }
    list[count] = consumer;
    consumers[node][port] = list;
    consumerCounts[node][port] = count + 1;
  }

  boolean isUsed(int node, int port) {
    return port >= 0 && port < consumerCounts[node].length && consumerCounts[node][port] > 0;
  }

  String valueName(int node, int port) {
    return valueNames.get(node)[port];
  }

  /** Makes body Parameter {@code node} carry {@code value} of the enclosing scope. */
  void bind(int node, String value) {
    valueNames.get(node)[0] = value;
    bound.add(node);
  }

  boolean isBound(int node) {
    return bound.contains(node);
  }

  /** Body {@code body} of node {@code node}, opened once and kept open with the conversion. */
  Model body(int node, int body) throws OpenVinoException {
    Model[] opened = bodies.get(node);
    if (opened == null) {
      opened = new Model[nodes.get(node).bodyCount()];
      bodies.put(node, opened);
    }
    if (opened[body] == null) {
      opened[body] = nodes.get(node).body(body);
      resources.add(opened[body]);
    }
    return opened[body];
  }

  /** The value names taken in every scope of this conversion. */
  Set<String> takenNames() {
    return taken;
  }

  List<AutoCloseable> resources() {
    return resources;
  }

  @Override
  public int nodeCount() {
    return nodes.size();
  }

  @Override
  public NodeView node(int index) {
    return new NodeViewImpl(this, index);
  }

  @Override
  public String type(int index) {
    return types.get(index);
  }

  @Override
  public Source source(int node, int input) {
    Node.Source s = sources.get(node).get(input);
    return new Source(s.node(), s.port());
  }

  @Override
  public List<Integer> consumers(int node, int port) {
    if (port < 0 || port >= consumerCounts[node].length || consumerCounts[node][port] == 0) {
      return List.of();
    }
    int[] list = consumers[node][port];
    int count = consumerCounts[node][port];
    Integer[] boxed = new Integer[count];
    for (int k = 0; k < count; k++) {
      boxed[k] = list[k];
    }
    return List.of(boxed);
  }

  @Override
  public boolean isTopLevel() {
    return topLevel;
  }

  /**
   * Each output is named after its first tensor name; without one, after the node's friendly name
   * (with ":port" for nodes of several outputs). Clashes get a numeric suffix. Result nodes have
   * no value of their own.
   */
  private void assignNames(Set<String> taken) {
    Map<String, Integer> suffix = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      List<Port> ports = outputs.get(i);
      String[] names = new String[ports.size()];
      for (int p = 0; p < ports.size(); p++) {
        String base;
        if (types.get(i).equals("Result")) {
          base = friendlyNames.get(i);
        } else if (!ports.get(p).names().isEmpty()) {
          base = ports.get(p).name();
        } else {
          String friendly = friendlyNames.get(i).isEmpty() ? types.get(i) + "_" + i : friendlyNames.get(i);
          base = ports.size() == 1 ? friendly : friendly + ":" + p;
        }
        String name = base;
        while (taken.contains(name)) {
          int k = suffix.merge(base, 1, Integer::sum);
          name = base + "_" + k;
        }
        taken.add(name);
        names[p] = name;
      }
      valueNames.add(names);
    }
  }
}
