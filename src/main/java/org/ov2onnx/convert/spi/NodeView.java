package org.ov2onnx.convert.spi;

import java.util.Map;
import java.util.Optional;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * A read-only view of one OpenVINO node, as a converter needs it: identity, the ONNX names of its
 * inputs and outputs, their types and shapes as OpenVINO inferred them, typed attributes, and the
 * data of inputs that are constants.
 */
public interface NodeView {
  /** OpenVINO's API type name. */
  String type();

  /** The opset in which this version of the operation appeared. */
  int version();

  /** The friendly name. */
  String name();

  int inputCount();

  /** The ONNX value name that carries input {@code i}. */
  String input(int i);

  ElementType inputType(int i);

  PartialShape inputShape(int i);

  int outputCount();

  /** The ONNX value name the converter must produce for output {@code i}. */
  String output(int i);

  ElementType outputType(int i);

  PartialShape outputShape(int i);

  /** Whether anything consumes output {@code i} (a converter may skip unused outputs). */
  boolean outputUsed(int i);

  /** All attributes, by name, in the order the node visits them. */
  Map<String, AttributeValue> attributes();

  /** The attribute, or a {@link ConversionException} naming the node if it is absent. */
  AttributeValue attribute(String name) throws ConversionException;

  boolean boolAttr(String name) throws ConversionException;

  long intAttr(String name) throws ConversionException;

  double floatAttr(String name) throws ConversionException;

  /** A string attribute; OpenVINO's enums arrive in their string form. */
  String stringAttr(String name) throws ConversionException;

  long[] intsAttr(String name) throws ConversionException;

  double[] floatsAttr(String name) throws ConversionException;

  ElementType typeAttr(String name) throws ConversionException;

  /** For a Constant node: its data (a zero-copy view). */
  ConstantData constantData() throws ConversionException;

  /**
   * The data of input {@code i} if it is known before inference: a Constant's data (no copy), or a
   * value OpenVINO computes from Constants and static shape parts only (e.g. axes derived from a
   * static rank). Empty when it depends on input data.
   */
  Optional<ConstantData> constantInput(int i) throws ConversionException;

  /** Input {@code i} as integers; it must be a constant of an integer type. */
  long[] constantInts(int i) throws ConversionException;

  /** Input {@code i} as doubles; it must be a constant of a numeric type. */
  double[] constantDoubles(int i) throws ConversionException;

  /** How many sub-graph bodies the node has (TensorIterator and Loop: 1, If: 2, others: 0). */
  int bodyCount() throws ConversionException;

  /** The Parameters of body {@code body}, in order: their types and shapes. */
  java.util.List<org.ov2onnx.openvino.Port> bodyParameters(int body) throws ConversionException;

  /** The Results of body {@code body}, in order: their types and shapes. */
  java.util.List<org.ov2onnx.openvino.Port> bodyResults(int body) throws ConversionException;

  /** How the node's inputs feed body {@code body}'s Parameters. */
  java.util.List<org.ov2onnx.openvino.PortMap> bodyInputs(int body) throws ConversionException;

  /** How body {@code body}'s Results become the node's outputs. */
  java.util.List<org.ov2onnx.openvino.PortMap> bodyOutputs(int body) throws ConversionException;

  /** Loop only: {current-iteration Parameter index, condition Result index}, -1 where absent. */
  long[] loopSpecialPorts() throws ConversionException;

  /** An exception whose message names this node: "node 'n' (Type-v): message". */
  ConversionException error(String message);
}
