package org.ov2onnx.openvino;

import java.util.List;

/**
 * One attribute of an OpenVINO node, typed as the node reported it through its own {@code
 * visit_attributes}. OpenVINO's enums arrive as their string form (e.g. {@code "explicit"}).
 */
public sealed interface AttributeValue {
  record Bool(boolean value) implements AttributeValue {}

  record Int(long value) implements AttributeValue {}

  /** Floating point, reported at double precision (f32 attributes widen exactly). */
  record Float(double value) implements AttributeValue {}

  record Str(String value) implements AttributeValue {}

  record Ints(List<Long> values) implements AttributeValue {
    public Ints {
      values = List.copyOf(values);
    }

    public long[] toArray() {
      return values.stream().mapToLong(Long::longValue).toArray();
    }
  }

  record Floats(List<Double> values) implements AttributeValue {
    public Floats {
      values = List.copyOf(values);
    }
  }

  record Strs(List<String> values) implements AttributeValue {
    public Strs {
      values = List.copyOf(values);
    }
  }

  record Type(ElementType value) implements AttributeValue {}

  record Types(List<ElementType> values) implements AttributeValue {
    public Types {
      values = List.copyOf(values);
    }
  }

  record Shape(PartialShape value) implements AttributeValue {}

  record Dim(Dimension value) implements AttributeValue {}

  /** A sub-graph body of TensorIterator, Loop or If: read it with {@link Node#body(int)}. */
  record Body(int index) implements AttributeValue {}

  /** How the node's inputs feed body {@code body}: {@link Node#bodyInputs(int)}. */
  record InputMap(int body) implements AttributeValue {}

  /** How body {@code body} produces the node's outputs: {@link Node#bodyOutputs(int)}. */
  record OutputMap(int body) implements AttributeValue {}

  /** The state variable of ReadValue / Assign. */
  record Variable(String id, ElementType type, PartialShape shape) implements AttributeValue {}

  /** An attribute whose value the shim does not expose; {@code adapter} names its C++ type. */
  record Opaque(String adapter) implements AttributeValue {}
}
