package org.ov2onnx.convert.spi;

import java.util.List;
import java.util.Map;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * An ONNX sub-graph under construction (the body of a Loop, a branch of an If), nested in the
 * graph that made it ({@link GraphBuilder#subgraph}). Nodes added here may use any value of the
 * enclosing scopes. Value names stay unique across all scopes. Pass it to the node that owns it
 * with {@link OnnxNode#attr(String, Subgraph)}.
 */
public interface Subgraph extends GraphBuilder {
  /** Declares the next input of the sub-graph (ONNX bodies take their inputs by position). */
  String input(String hint, ElementType type, PartialShape shape) throws ConversionException;

  /**
   * Converts body {@code body} of {@code node} into this sub-graph with the same registry and
   * converters as the main graph, recursively. {@code bindings} gives, for each body Parameter
   * index, the value that carries it here (an input of this sub-graph, a value made in it, or a
   * value of an enclosing scope). Returns the value of each body Result, in the body's order.
   */
  List<String> convertBody(NodeView node, int body, Map<Integer, String> bindings) throws ConversionException;

  /** Declares the next output of the sub-graph, carrying {@code value} (copied if it must be). */
  String output(String value, String hint, ElementType type, PartialShape shape) throws ConversionException;
}
