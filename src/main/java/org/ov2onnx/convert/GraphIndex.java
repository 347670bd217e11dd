package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;

/**
 * What conversion needs to know about an OpenVINO model up front: each node's ports and input
 * sources, which outputs are used, and the ONNX value name of every node output.
 */
final class GraphIndex {
  final Model model;
  final List<Node> nodes;
  final List<String> types = new ArrayList<>();
  final List<Integer> versions = new ArrayList<>();
  final List<String> friendlyNames = new ArrayList<>();
  final List<List<Node.Source>> sources = new ArrayList<>();
  final List<List<Port>> outputs = new ArrayList<>();
  final List<String[]> valueNames = new ArrayList<>();
  private final Set<Long> used = new HashSet<>();
  private final Map<String, Integer> versionNumbers = new HashMap<>();

  GraphIndex(Model model) throws OpenVinoException {
    this.model = model;
    this.nodes = model.nodes();
    for (Model.NodeSummary n : model.describe()) { // one native call for the whole graph
      types.add(n.type());
      versions.add(versionNumbers.computeIfAbsent(n.versionId(), GraphIndex::versionNumber));
      friendlyNames.add(n.name());
      sources.add(n.inputs());
      for (Node.Source s : n.inputs()) {
        used.add(key(s.node(), s.port()));
      }
      outputs.add(n.outputs());
    }
    assignNames();
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

  private static long key(int node, int port) {
    return ((long) node << 20) | port;
  }

  boolean isUsed(int node, int port) {
    return used.contains(key(node, port));
  }

  String valueName(int node, int port) {
    return valueNames.get(node)[port];
  }

  /**
   * Each output is named after its first tensor name; without one, after the node's friendly name
   * (with ":port" for nodes of several outputs). Clashes get a numeric suffix. Result nodes have
   * no value of their own.
   */
  private void assignNames() {
    Set<String> taken = new HashSet<>();
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
