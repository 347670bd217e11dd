package org.ov2onnx.convert.ops.control;

import static org.ov2onnx.testing.IrBuilder.layerId;

/** Builds the port_map and back_edges XML of a TensorIterator or Loop layer for IrBuilder. */
final class PortMapXml {
  private final StringBuilder map = new StringBuilder();
  private final StringBuilder edges = new StringBuilder();

  /** An input (merged or invariant) from the node's port {@code external} to body {@code parameter}. */
  PortMapXml input(int external, String parameter) {
    map.append("<input external_port_id=\"").append(external).append("\" internal_layer_id=\"")
        .append(layerId(parameter)).append("\"/>");
    return this;
  }

  /** A Loop input sliced along {@code axis}, one element per iteration. */
  PortMapXml slicedInput(int external, String parameter, int axis) {
    map.append("<input axis=\"").append(axis).append("\" external_port_id=\"").append(external)
        .append("\" internal_layer_id=\"").append(layerId(parameter)).append("\"/>");
    return this;
  }

  /** The body's last value of {@code result} as the node's port {@code external}. */
  PortMapXml output(int external, String result) {
    map.append("<output external_port_id=\"").append(external).append("\" internal_layer_id=\"").append(result).append("\"/>");
    return this;
  }

  /** Loop: the body Result that decides whether to go on. */
  PortMapXml condition(String result) {
    map.append("<output external_port_id=\"-1\" internal_layer_id=\"").append(result)
        .append("\" purpose=\"execution_condition\"/>");
    return this;
  }

  /** Loop: the body Parameter that receives the iteration number. */
  PortMapXml iteration(String parameter) {
    map.append("<input external_port_id=\"-1\" internal_layer_id=\"").append(layerId(parameter))
        .append("\" purpose=\"current_iteration\"/>");
    return this;
  }

  /** Any other port_map entry, written as is. */
  PortMapXml raw(String xml) {
    map.append(xml);
    return this;
  }

  /** Feeds {@code result} back to {@code parameter} on the next iteration. */
  PortMapXml backEdge(String result, String parameter) {
    edges.append("<edge from-layer=\"").append(result).append("\" to-layer=\"").append(layerId(parameter)).append("\"/>");
    return this;
  }

  String xml() {
    return "<port_map>" + map + "</port_map>" + (edges.length() == 0 ? "" : "<back_edges>" + edges + "</back_edges>");
  }
}
