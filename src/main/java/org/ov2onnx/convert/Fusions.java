package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.ops.normalization.LayerNormalizationFusion;
import java.util.Locale;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;

/**
 * Chains of nodes that become one ONNX node which ONNX Runtime runs faster, found before
 * conversion since it needs each value's consumers. The chain's first node (the head) emits the
 * fused node under the name of the chain's last output; the nodes it absorbed convert to nothing.
 *
 * <ul>
 *   <li>MVN → Multiply(constant scale) → Add(constant bias): one LayerNormalization ({@link
 *       LayerNormalizationFusion} decides what is exact);
 *   <li>Maximum(x, scalar lo) → Minimum(scalar hi), lo ≤ hi, floats: one Clip (how OpenVINO's
 *       readers often express ONNX's Clip and ReLU6);
 *   <li>x · clamp(x + 3, 0, 6) / 6, floats: one HardSwish ({@link HardSwishFusion}), found first, so
 *       that its Maximum → Minimum is not taken by the Clip fusion;
 *   <li>Multiply or Add by a one-value or per-channel constant after a convolution: the same node
 *       with the constant second and shaped [C, 1, …], which ONNX Runtime folds into the Conv
 *       ({@link ConvAffineFusion}; a chain of one node);
 *   <li>Multiply → Add by one-value or per-channel f32 constants elsewhere: one
 *       BatchNormalization with mean 0, variance 1 and epsilon 0 ({@link ChannelAffineFusion}).
 * </ul>
 */
final class Fusions {
  interface Emitter {
    void emit(org.ov2onnx.convert.spi.GraphBuilder graph) throws ConversionException;
  }

  private final Map<Integer, Emitter> heads = new HashMap<>();
  /** The nodes each head absorbs. */
  private final Map<Integer, int[]> members = new HashMap<>();
  private final boolean[] absorbed;

  private Fusions(int nodes) {
    absorbed = new boolean[nodes];
  }

  static Fusions find(GraphIndex index, int opset) throws ConversionException {
    int n = index.nodes.size();
    Fusions chains = new Fusions(n);
    boolean convolutions = index.types.contains("Convolution") || index.types.contains("GroupConvolution");
    if (!index.types.contains("MVN") && !index.types.contains("Maximum") && !index.types.contains("Clamp")
        && !convolutions && !index.types.contains("Multiply")) {
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
      if (index.types.get(i).equals("Add") && index.versions.get(i) == 1) {
        HardSwishFusion.find(index, consumers, i).ifPresent(chain -> chains.put(chain.nodes(), chain.emitter()));
      }
    }
    for (int i = 0; i < n; i++) {
      if (chains.covers(i)) {
        continue;
      }
      if (index.types.get(i).equals("Maximum") && index.versions.get(i) == 1) {
        chains.findClip(index, consumers, i);
      }
      if (convolutions && !chains.covers(i)) {
        int node = i;
        ConvAffineFusion.find(index, consumers, i).ifPresent(e -> chains.put(new int[] {node}, e));
      }
      if (!chains.covers(i)) {
        ChannelAffineFusion.find(index, consumers, i).ifPresent(chain -> chains.put(chain.nodes(), chain.emitter()));
      }
      if (!index.types.get(i).equals("MVN") || opset < 17) {
        continue;
      }
      NodeViewImpl mvn = new NodeViewImpl(index, i);
      int axis = LayerNormalizationFusion.axis(mvn, opset);
      if (axis < 0) {
        continue;
      }
      int[] mul = onlyConsumer(index, consumers, i, "Multiply");
      Optional<double[]> scale = Optional.empty();
      if (mul != null && !chains.covers(mul[0])) {
        scale = LayerNormalizationFusion.affine(mvn, axis, new NodeViewImpl(index, mul[0]), mul[1]);
      }
      if (scale.isEmpty()) {
        continue; // the MVN alone still becomes a LayerNormalization, by its converter
      }
      int[] add = onlyConsumer(index, consumers, mul[0], "Add");
      Optional<double[]> bias = Optional.empty();
      if (add != null && !chains.covers(add[0])) {
        bias = LayerNormalizationFusion.affine(mvn, axis, new NodeViewImpl(index, add[0]), add[1]);
      }
      int last = bias.isPresent() ? add[0] : mul[0];
      double[] scaleValues = scale.get();
      double[] biasValues = bias.orElse(null);
      chains.heads.put(i, graph -> LayerNormalizationFusion.emit(
          mvn, graph, scaleValues, biasValues, index.valueName(last, 0)));
      chains.absorbed[mul[0]] = true;
      if (bias.isPresent()) {
        chains.absorbed[add[0]] = true;
      }
      chains.members.put(i, bias.isPresent() ? new int[] {mul[0], add[0]} : new int[] {mul[0]});
    }
    return chains;
  }

  /** Registers a chain: {@code nodes[0]} heads it and emits through {@code emitter}, the rest are absorbed. */
  private void put(int[] nodes, Emitter emitter) {
    heads.put(nodes[0], emitter);
    for (int k = 1; k < nodes.length; k++) {
      absorbed[nodes[k]] = true;
    }
    members.put(nodes[0], java.util.Arrays.copyOfRange(nodes, 1, nodes.length));
  }

  /** The (node, input) that alone reads output 0 of {@code node}, if it is of {@code type} (version 1). */
  static int[] onlyConsumer(GraphIndex index, Map<Integer, List<int[]>> consumers, int node, String type) {
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

  /** The chains: each head with the nodes it absorbs. */
  Map<Integer, int[]> chains() {
    return members;
  }

  /** Emits the chain headed by node {@code i} (nothing for an absorbed node). */
  void convert(int i, org.ov2onnx.convert.spi.GraphBuilder graph) throws ConversionException {
    Emitter e = heads.get(i);
    if (e != null) {
      e.emit(graph);
    }
  }

  /** Maximum(x, lo) → Minimum(hi) with scalar float constants lo ≤ hi, both numpy broadcast. */
  private void findClip(GraphIndex index, Map<Integer, List<int[]>> consumers, int max) throws ConversionException {
    NodeViewImpl maxView = new NodeViewImpl(index, max);
    int x = scalarOperand(maxView);
    int[] min = onlyConsumer(index, consumers, max, "Minimum");
    if (x < 0 || min == null) {
      return;
    }
    NodeViewImpl minView = new NodeViewImpl(index, min[0]);
    if (scalarOperand(minView) != min[1]) {
      return;
    }
    double lo = maxView.constantDoubles(1 - x)[0];
    double hi = minView.constantDoubles(1 - min[1])[0];
    if (!(lo <= hi)) {
      return;
    }
    ElementType type = maxView.inputType(x);
    String input = maxView.input(x);
    String output = index.valueName(min[0], 0);
    heads.put(max, graph -> graph.add(
        OnnxNode.op("Clip").inputs(input, graph.scalar(type, lo), graph.scalar(type, hi)).outputs(output)));
    absorbed[min[0]] = true;
    members.put(max, new int[] {min[0]});
  }

  /** Whether the binary node broadcasts numpy-style. */
  static boolean numpy(NodeViewImpl node) throws ConversionException {
    return node.attributes().containsKey("auto_broadcast")
        && node.stringAttr("auto_broadcast").toLowerCase(Locale.ROOT).equals("numpy");
  }

  /**
   * For a binary f32/f16 node of numpy broadcast with one input a one-element constant and an
   * output shaped as its other input: the index of that other input; else -1.
   */
  static int scalarOperand(NodeViewImpl node) throws ConversionException {
    ElementType t = node.outputType(0);
    if ((t != ElementType.F32 && t != ElementType.F16) || !numpy(node)) {
      return -1;
    }
    for (int x = 0; x < 2; x++) {
      var c = node.constantInput(1 - x);
      if (c.isPresent() && c.get().elementCount() == 1 && node.outputShape(0).equals(node.inputShape(x))) {
        return x;
      }
    }
    return -1;
  }
}
