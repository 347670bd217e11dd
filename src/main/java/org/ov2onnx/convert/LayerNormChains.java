package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.ops.normalization.LayerNormalizationFusion;
import org.ov2onnx.convert.spi.ConversionException;

/**
 * MVN → Multiply(constant scale) → Add(constant bias) chains that become one ONNX
 * LayerNormalization ({@link LayerNormalizationFusion} decides what is exact). Found before
 * conversion, since it needs each value's consumers: the MVN (the head) emits the fused node under
 * the name of the chain's last output, and the Multiply and Add it absorbed convert to nothing.
 */
final class LayerNormChains {
  private record Chain(double[] scale, double[] bias, int last) {}

  private final Map<Integer, Chain> heads = new HashMap<>();
  private final boolean[] absorbed;

  private LayerNormChains(int nodes) {
    absorbed = new boolean[nodes];
  }

  static LayerNormChains find(GraphIndex index, int opset) throws ConversionException {
    int n = index.nodes.size();
    LayerNormChains chains = new LayerNormChains(n);
    if (opset < 17 || !index.types.contains("MVN")) {
      return chains;
    }
    // consumers[node] = the (node, input) pairs reading output 0 of node
    Map<Integer, List<int[]>> consumers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<org.ov2onnx.openvino.Node.Source> in = index.sources.get(i);
      for (int k = 0; k < in.size(); k++) {
        if (in.get(k).port() == 0) {
          consumers.computeIfAbsent(in.get(k).node(), key -> new ArrayList<>()).add(new int[] {i, k});
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!index.types.get(i).equals("MVN")) {
        continue;
      }
      NodeViewImpl mvn = new NodeViewImpl(index, i);
      int axis = LayerNormalizationFusion.axis(mvn, opset);
      if (axis < 0) {
        continue;
      }
      int[] mul = onlyConsumer(index, consumers, i, "Multiply");
      Optional<double[]> scale = Optional.empty();
      if (mul != null) {
        scale = LayerNormalizationFusion.affine(mvn, axis, new NodeViewImpl(index, mul[0]), mul[1]);
      }
      if (scale.isEmpty()) {
        continue; // the MVN alone still becomes a LayerNormalization, by its converter
      }
      int[] add = onlyConsumer(index, consumers, mul[0], "Add");
      Optional<double[]> bias = Optional.empty();
      if (add != null) {
        bias = LayerNormalizationFusion.affine(mvn, axis, new NodeViewImpl(index, add[0]), add[1]);
      }
      int last = bias.isPresent() ? add[0] : mul[0];
      chains.heads.put(i, new Chain(scale.get(), bias.orElse(null), last));
      chains.absorbed[mul[0]] = true;
      if (bias.isPresent()) {
        chains.absorbed[add[0]] = true;
      }
    }
    return chains;
  }

  /** The (node, input) that alone reads output 0 of {@code node}, if it is of {@code type} (version 1). */
  private static int[] onlyConsumer(GraphIndex index, Map<Integer, List<int[]>> consumers, int node, String type) {
    List<int[]> readers = consumers.getOrDefault(node, List.of());
    if (readers.size() != 1 || index.outputs.get(node).size() != 1) {
      return null;
    }
    int[] reader = readers.get(0);
    return index.types.get(reader[0]).equals(type) && index.versions.get(reader[0]) == 1 ? reader : null;
  }

  /** Whether node {@code i} heads a chain or is absorbed by one: the driver does not convert it alone. */
  boolean covers(int i) {
    return absorbed[i] || heads.containsKey(i);
  }

  /** Emits the chain headed by node {@code i} (nothing for an absorbed node). */
  void convert(int i, GraphIndex index, GraphAssembly graph) throws ConversionException {
    Chain c = heads.get(i);
    if (c != null) {
      LayerNormalizationFusion.emit(new NodeViewImpl(index, i), graph, c.scale, c.bias, index.valueName(c.last, 0));
    }
  }
}
