package org.ov2onnx.openvino;

import java.util.List;

/**
 * An input or output of a model: its tensor names (sorted; {@link #name()} is the first), element
 * type and partial shape. {@code node} is the index of its Parameter or Result node, or -1 for a
 * compiled model's port.
 */
public record Port(List<String> names, ElementType type, PartialShape shape, int node) {
  public Port {
    names = List.copyOf(names);
  }

  /** The port's first tensor name, or "" if it has none. */
  public String name() {
    return names.isEmpty() ? "" : names.get(0);
  }
}
