package org.ov2onnx.convert.spi;

import java.util.List;

/**
 * A conversion that spans several OpenVINO nodes (state variables, weight decompression chains,
 * quantization patterns). A rewrite is a matcher and emitters: {@link #match} only reads the
 * source graph and returns the groups of nodes it takes over; each {@link Match}'s emitter then
 * writes the ONNX for its group through the same {@link GraphBuilder} converters use.
 *
 * <p>Rewrites run before per-node conversion, in the explicit order of {@code
 * org.ov2onnx.convert.rewrite.Rewrites}; a node claimed by one is not matched by later ones and
 * is not converted on its own. The emitter runs when the conversion reaches the match's {@code
 * anchor} in topological order, so the anchor must come after every node that feeds the group
 * from outside, and every value of the group that is used outside it must be produced by the
 * emitter (under the name {@link NodeView#output(int)} gives) before it is consumed.
 */
public interface GraphRewrite {
  /** A short name, e.g. {@code fp16-upcast}. */
  String name();

  /** What the rewrite recognises and what it writes (shown in docs). */
  String description();

  /**
   * The OpenVINO operation versions this rewrite converts on its own (no registry converter
   * exists for them), so that docs/SUPPORTED_OPS.md lists them; most rewrites handle none.
   */
  default List<Op> handles() {
    return List.of();
  }

  /** An operation version, as {@code Node.version()} reports it (e.g. ReadValue, 6). */
  record Op(String type, int version) {}

  /** Finds the node groups this rewrite takes over; {@code claimed} lists the nodes already taken. */
  List<Match> match(SourceGraph graph, int opset, java.util.function.IntPredicate claimed)
      throws ConversionException;

  /** One group: the nodes taken over, the node at which to emit, and what to emit. */
  record Match(int anchor, int[] nodes, Emitter emitter) {
    public Match {
      nodes = nodes.clone();
    }

    @Override
    public int[] nodes() {
      return nodes.clone();
    }
  }

  /** Writes the ONNX of one match. */
  @FunctionalInterface
  interface Emitter {
    void emit(GraphBuilder graph) throws ConversionException;
  }
}
