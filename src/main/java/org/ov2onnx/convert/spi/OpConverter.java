package org.ov2onnx.convert.spi;

/**
 * Converts one OpenVINO node into ONNX nodes. Implementations are stateless: they read the node
 * through a read-only {@link NodeView} and write only through the {@link GraphBuilder}, producing
 * every output {@link NodeView#output(int)} names that {@link NodeView#outputUsed(int)} reports as
 * used. Annotate each implementation with {@link ConvertsOp}.
 */
@FunctionalInterface
public interface OpConverter {
  void convert(NodeView node, GraphBuilder graph) throws ConversionException;
}
