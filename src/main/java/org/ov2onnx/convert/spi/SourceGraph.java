package org.ov2onnx.convert.spi;

import java.util.List;

/**
 * A read-only view of one OpenVINO graph (the model, or one sub-graph body) as graph rewrites see
 * it: its nodes in topological order, where each input comes from and who consumes each output.
 */
public interface SourceGraph {
  /** Where one input of a node comes from: output {@code port} of node {@code node}. */
  record Source(int node, int port) {}

  int nodeCount();

  /** Node {@code index} (topological order), as converters see it. */
  NodeView node(int index);

  /** The type of node {@code index}; cheaper than {@code node(index).type()}. */
  String type(int index);

  /** The node and port that feed input {@code input} of node {@code node}. */
  Source source(int node, int input);

  /** The nodes that consume output {@code port} of node {@code node}, in topological order. */
  List<Integer> consumers(int node, int port);

  /** Whether this is the model itself rather than a sub-graph body (state lives only there). */
  boolean isTopLevel();
}
