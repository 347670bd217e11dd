package org.ov2onnx.convert.spi;

import java.util.List;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/** Where converters write: the ONNX graph being built. */
public interface GraphBuilder {
  /** The target opset of the default ONNX domain. */
  int opset();

  /** Adds a node; returns its output names (fresh ones unless the node named them). */
  List<String> add(OnnxNode node) throws ConversionException;

  /** Adds a node with one output and returns that output's name. */
  default String addOne(OnnxNode node) throws ConversionException {
    return add(node).get(0);
  }

  /** A fresh, unused value name built from {@code hint}. */
  String fresh(String hint);

  /** An initializer holding OpenVINO's constant data, without copying it. */
  String initializer(String name, ConstantData data) throws ConversionException;

  /** An int64 initializer (a 1-D tensor, or a scalar when {@code scalar} and one value). */
  String int64s(boolean scalar, long... values);

  /** An initializer of {@code type} with these values (converted), shaped {@code shape}. */
  String constant(ElementType type, long[] shape, double... values) throws ConversionException;

  /** A scalar initializer of {@code type}. */
  default String scalar(ElementType type, double value) throws ConversionException {
    return constant(type, new long[0], value);
  }

  /** A Cast of {@code value} to {@code type}. */
  default String cast(String value, ElementType type) throws ConversionException {
    return addOne(OnnxNode.op("Cast").inputs(value).attr("to", (long) onnxType(type)));
  }

  /** The ONNX TensorProto.DataType number of an OpenVINO element type. */
  int onnxType(ElementType type) throws ConversionException;

  /** Declares a graph input. */
  void graphInput(String name, ElementType type, PartialShape shape) throws ConversionException;

  /** Declares a graph output. */
  void graphOutput(String name, ElementType type, PartialShape shape) throws ConversionException;

  /**
   * Declares a graph input whose dynamic dimension {@code i} is named {@code dimParams.get(i)}
   * (null: the default name, {@link #dimParam}); equal names tie dimensions together.
   */
  void graphInput(String name, ElementType type, PartialShape shape, List<String> dimParams)
      throws ConversionException;

  /** Declares a graph output with named dynamic dimensions, as {@link #graphInput(String, ElementType, PartialShape, List)}. */
  void graphOutput(String name, ElementType type, PartialShape shape, List<String> dimParams)
      throws ConversionException;

  /** The symbolic name a graph input or output {@code value} gets for dynamic dimension {@code axis} by default. */
  static String dimParam(String value, int axis) {
    return value + "_d" + axis;
  }

  /** Declares that nodes of {@code domain} at {@code version} are used. */
  void useDomain(String domain, int version);

  /** An initializer over {@code bytes} (not copied; keep them unchanged until the model is written). */
  String initializer(String name, ElementType type, long[] shape, java.nio.ByteBuffer bytes)
      throws ConversionException;

  /** A new, empty sub-graph nested in this graph (for Loop bodies and If branches). */
  Subgraph subgraph(String name);

  /**
   * Whether the user asked for a float model ({@code --dequantize}): quantized operations and
   * compressed weights are then converted to float instead of QuantizeLinear/DequantizeLinear.
   */
  default boolean dequantize() {
    return false;
  }

  /** Records a key/value pair in the model's {@code metadata_props}. */
  void metadata(String key, String value);
}
