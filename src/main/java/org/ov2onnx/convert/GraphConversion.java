package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;

/**
 * Converts the nodes of one OpenVINO graph into an ONNX scope: first the graph-level rewrites
 * claim the node groups they recognise, then every other node goes to its registered converter,
 * in topological order. Sub-graph converters come back here ({@link #convert(NodeViewImpl, int,
 * Map, GraphAssembly)}) for their bodies, so bodies nest to any depth with the same registry.
 * Refusals of all scopes are collected, so that every problem is reported at once.
 */
final class GraphConversion implements GraphAssembly.BodyConverter {
  private final ConverterRegistry registry;
  private final ConvertOptions options;
  private final List<GraphRewrite> rewrites;
  /** How many nodes of each type were converted, by version (index), in every scope. */
  private final Map<String, int[]> operationCounts = new HashMap<>();
  int customOps;
  // variants a converter refuses, keyed by type-version and reason
  private final Map<String, List<String>> refusedNodes = new TreeMap<>();
  private final Map<String, String> refusedReasons = new TreeMap<>();
  private final Map<String, NodeViewImpl> refusedViews = new TreeMap<>();

  GraphConversion(ConverterRegistry registry, ConvertOptions options, List<GraphRewrite> rewrites) {
    this.registry = registry;
    this.options = options;
    this.rewrites = rewrites;
  }

  /** Which node each rewrite match claims, and the matches by anchor node. */
  private record Claims(GraphRewrite.Match[] byNode, Map<Integer, GraphRewrite.Match> byAnchor) {}

  /** Each graph's claims, made once: the unsupported-operation check and the conversion share them. */
  private final Map<GraphIndex, Claims> claimsOf = new java.util.IdentityHashMap<>();

  private Claims match(GraphIndex index) throws ConversionException {
    Claims known = claimsOf.get(index);
    if (known != null) {
      return known;
    }
    Claims claims = matchAll(index);
    claimsOf.put(index, claims);
    return claims;
  }

  private Claims matchAll(GraphIndex index) throws ConversionException {
    int n = index.nodeCount();
    GraphRewrite.Match[] byNode = new GraphRewrite.Match[n];
    Map<Integer, GraphRewrite.Match> byAnchor = new HashMap<>();
    for (GraphRewrite rewrite : rewrites) {
      for (GraphRewrite.Match m : rewrite.match(index, options.opset(), i -> byNode[i] != null)) {
        for (int node : m.nodes()) {
          if (byNode[node] != null) {
            throw new IllegalStateException(rewrite.name() + " claims node " + node + ", which is already claimed");
          }
          byNode[node] = m;
        }
        byAnchor.put(m.anchor(), m);
      }
    }
    return new Claims(byNode, byAnchor);
  }

  /** The nodes no rewrite claims (those the per-node converters must handle). */
  boolean[] unclaimed(GraphIndex index) throws ConversionException {
    Claims claims = match(index);
    boolean[] free = new boolean[index.nodeCount()];
    for (int i = 0; i < free.length; i++) {
      free[i] = claims.byNode()[i] == null;
    }
    return free;
  }

  /** Converts every node of {@code index} into {@code graph}. */
  void convertNodes(GraphIndex index, GraphAssembly graph, boolean reportProgress) throws ConversionException {
    Claims claims = match(index);
    int n = index.nodeCount();
    for (int i = 0; i < n; i++) {
      NodeViewImpl view = new NodeViewImpl(index, i);
      if (index.isBound(i) || view.type().equals("Result")) {
        continue; // bound body parameters carry outer values; graph outputs are declared by the caller
      }
      if (!index.isTopLevel() && view.type().equals("Parameter")) {
        continue; // a body parameter no input feeds, and nothing uses (checked when binding)
      }
      count(view.type(), view.version());
      graph.startNode(view.name());
      try {
        GraphRewrite.Match m = claims.byNode()[i];
        if (m != null) {
          if (claims.byAnchor().get(i) == m) {
            m.emitter().emit(graph);
          }
        } else {
          convertOne(view, graph);
        }
      } catch (ConversionException e) {
        refuse(view, e);
        continue;
      } catch (RuntimeException e) {
        throw new IllegalStateException("converting node " + view.describe() + " failed: " + e, e);
      }
      if (claims.byNode()[i] == null || claims.byAnchor().get(i) != null) {
        checkProduced(index, view, graph, claims, i);
      }
      if (reportProgress) {
        options.progress().update("converting", i + 1, n);
      }
    }
  }

  private void count(String type, int version) {
    int[] byVersion = operationCounts.get(type);
    if (byVersion == null || byVersion.length <= version) {
      byVersion = java.util.Arrays.copyOf(byVersion == null ? new int[0] : byVersion, Math.max(version + 1, 17));
      operationCounts.put(type, byVersion);
    }
    byVersion[version]++;
  }

  /** How many nodes of each "Type-version" were converted, sorted. */
  Map<String, Integer> operations() {
    Map<String, Integer> sorted = new TreeMap<>();
    operationCounts.forEach((type, byVersion) -> {
      for (int v = 0; v < byVersion.length; v++) {
        if (byVersion[v] > 0) {
          sorted.put(type + "-" + v, byVersion[v]);
        }
      }
    });
    return sorted;
  }

  private void convertOne(NodeViewImpl view, GraphAssembly graph) throws ConversionException {
    var entry = registry.find(view.type(), view.version());
    boolean convertible =
        entry.isPresent() && entry.get().minOpset() <= options.opset() && Converter.constantSupported(view, options.opset());
    if (convertible) {
      entry.get().converter().convert(view, graph);
    } else if (options.allowCustomOps()) {
      CustomOpConverter.convert(view, graph);
      customOps++;
    } else {
      throw view.error(Converter.unsupportedReason(registry, view, options.opset()));
    }
  }

  /** The used outputs of the node (or, for an anchor, of every node of its match) must exist. */
  private static void checkProduced(GraphIndex index, NodeViewImpl view, GraphAssembly graph, Claims claims, int i)
      throws ConversionException {
    GraphRewrite.Match m = claims.byAnchor().get(i);
    int[] group = m == null ? new int[] {i} : m.nodes();
    for (int node : group) {
      for (int p = 0; p < index.outputs.get(node).size(); p++) {
        boolean usedOutside = m == null ? index.isUsed(node, p) : false;
        if (m != null) {
          for (int consumer : index.consumers(node, p)) {
            usedOutside |= claims.byNode()[consumer] != m;
          }
        }
        if (usedOutside && !graph.isProduced(index.valueName(node, p))) {
          throw new NodeViewImpl(index, node).error(
              (m == null ? "its converter" : "the rewrite that claims it") + " did not produce output " + p
                  + " ('" + index.valueName(node, p) + "')");
        }
      }
    }
  }

  private void refuse(NodeViewImpl view, ConversionException e) {
    String reason = e.getMessage().replaceFirst("^node '.*?' \\([^)]*\\): ", "");
    String key = view.type() + "-" + view.version() + "\u0000" + reason;
    refusedNodes.computeIfAbsent(key, k -> new ArrayList<>()).add(view.name());
    refusedReasons.put(key, reason);
    refusedViews.putIfAbsent(key, view);
  }

  /** Throws what was refused: one node's own error, or all of them together. */
  void throwRefusals() throws ConversionException {
    if (refusedNodes.isEmpty()) {
      return;
    }
    if (refusedNodes.size() == 1 && refusedNodes.values().iterator().next().size() == 1) {
      String key = refusedNodes.keySet().iterator().next();
      throw refusedViews.get(key).error(refusedReasons.get(key));
    }
    List<UnsupportedOperationsException.Unsupported> list = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : refusedNodes.entrySet()) {
      NodeViewImpl v = refusedViews.get(e.getKey());
      List<String> names = e.getValue();
      list.add(new UnsupportedOperationsException.Unsupported(v.type(), v.version(), names.size(),
          List.copyOf(names.subList(0, Math.min(5, names.size()))), refusedReasons.get(e.getKey())));
    }
    throw new UnsupportedOperationsException(list, options.opset());
  }

  @Override
  public List<String> convert(NodeViewImpl node, int body, Map<Integer, String> bindings, GraphAssembly into)
      throws ConversionException {
    Model model = node.bodyModel(body);
    GraphIndex index;
    List<Port> parameters;
    List<Port> results;
    try {
      index = new GraphIndex(model, node.index().takenNames(), false, node.index().resources());
      parameters = model.inputs();
      results = model.outputs();
    } catch (OpenVinoException e) {
      throw node.error("cannot read body " + body + ": " + e.getMessage());
    }
    for (Map.Entry<Integer, String> b : bindings.entrySet()) {
      if (b.getKey() < 0 || b.getKey() >= parameters.size()) {
        throw node.error("body " + body + " has no parameter " + b.getKey());
      }
      index.bind(parameters.get(b.getKey()).node(), b.getValue());
    }
    for (int p = 0; p < parameters.size(); p++) {
      int param = parameters.get(p).node();
      if (!index.isBound(param) && index.isUsed(param, 0)) {
        throw node.error("body " + body + " uses parameter " + p + ", which no input of the node feeds");
      }
    }
    String prefix = into.nodePrefix();
    convertNodes(index, into, false);
    into.startNode(prefix);
    List<String> values = new ArrayList<>();
    for (Port r : results) {
      values.add(new NodeViewImpl(index, r.node()).input(0));
    }
    return values;
  }
}
