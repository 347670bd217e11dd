package org.ov2onnx.convert;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.openvino.AttributeValue;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Node;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.PartialShape;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.PortMap;

/** The {@link NodeView} of one node of a {@link GraphIndex}. */
final class NodeViewImpl implements NodeView {
  private final GraphIndex index;
  private final int node;

  NodeViewImpl(GraphIndex index, int node) {
    this.index = index;
    this.node = node;
  }

  @Override
  public String type() {
    return index.types.get(node);
  }

  @Override
  public int version() {
    return index.versions.get(node);
  }

  @Override
  public String name() {
    return index.friendlyNames.get(node);
  }

  /** "'name' (Type-version)". */
  String describe() {
    return "'" + name() + "' (" + type() + "-" + version() + ")";
  }

  @Override
  public int inputCount() {
    return index.sources.get(node).size();
  }

  private Node.Source source(int i) {
    var sources = index.sources.get(node);
    if (i < 0 || i >= sources.size()) {
      throw new IndexOutOfBoundsException(describe() + " has no input " + i);
    }
    return sources.get(i);
  }

  @Override
  public String input(int i) {
    Node.Source s = source(i);
    return index.valueName(s.node(), s.port());
  }

  @Override
  public ElementType inputType(int i) {
    Node.Source s = source(i);
    return index.outputs.get(s.node()).get(s.port()).type();
  }

  @Override
  public PartialShape inputShape(int i) {
    Node.Source s = source(i);
    return index.outputs.get(s.node()).get(s.port()).shape();
  }

  @Override
  public int outputCount() {
    return index.outputs.get(node).size();
  }

  @Override
  public String output(int i) {
    return index.valueName(node, i);
  }

  @Override
  public ElementType outputType(int i) {
    return index.outputs.get(node).get(i).type();
  }

  @Override
  public PartialShape outputShape(int i) {
    return index.outputs.get(node).get(i).shape();
  }

  @Override
  public boolean outputUsed(int i) {
    return index.isUsed(node, i);
  }

  @Override
  public Map<String, AttributeValue> attributes() {
    try {
      return index.nodes.get(node).attributes();
    } catch (OpenVinoException e) {
      throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public AttributeValue attribute(String name) throws ConversionException {
    AttributeValue v = attributes().get(name);
    if (v == null) {
      throw error("has no attribute '" + name + "'");
    }
    return v;
  }

  private <T extends AttributeValue> T attribute(String name, Class<T> kind) throws ConversionException {
    AttributeValue v = attribute(name);
    if (!kind.isInstance(v)) {
      throw error("attribute '" + name + "' is " + v + ", expected " + kind.getSimpleName());
    }
    return kind.cast(v);
  }

  @Override
  public boolean boolAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Bool.class).value();
  }

  @Override
  public long intAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Int.class).value();
  }

  @Override
  public double floatAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Float.class).value();
  }

  @Override
  public String stringAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Str.class).value();
  }

  @Override
  public long[] intsAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Ints.class).toArray();
  }

  @Override
  public double[] floatsAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Floats.class).values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public ElementType typeAttr(String name) throws ConversionException {
    return attribute(name, AttributeValue.Type.class).value();
  }

  @Override
  public Optional<ConstantData> constantInput(int i) throws ConversionException {
    Node.Source s = source(i);
    try {
      if (index.types.get(s.node()).equals("Constant")) {
        return Optional.of(index.nodes.get(s.node()).constant());
      }
      // computed from constants and static shapes only: OpenVINO evaluates it
      return index.nodes.get(node).inputValue(i);
    } catch (OpenVinoException e) {
      throw error("cannot read constant input " + i + ": " + e.getMessage());
    }
  }

  @Override
  public ConstantData constantData() throws ConversionException {
    try {
      return index.nodes.get(node).constant();
    } catch (OpenVinoException e) {
      throw error("cannot read its data: " + e.getMessage());
    }
  }

  @Override
  public long[] constantInts(int i) throws ConversionException {
    ConstantData c = constantInput(i).orElseThrow(() -> error("needs input " + i + " to be a constant"));
    ByteBuffer b = c.bytes();
    int n = (int) c.elementCount();
    long[] out = new long[n];
    for (int k = 0; k < n; k++) {
      out[k] =
          switch (c.elementType()) {
            case I64, U64 -> b.getLong();
            case I32 -> b.getInt();
            case U32 -> Integer.toUnsignedLong(b.getInt());
            case I16 -> b.getShort();
            case U16 -> Short.toUnsignedInt(b.getShort());
            case I8 -> b.get();
            case U8, BOOLEAN -> Byte.toUnsignedInt(b.get());
            default -> throw error("needs input " + i + " to be an integer constant, not " + c.elementType());
          };
    }
    return out;
  }

  @Override
  public double[] constantDoubles(int i) throws ConversionException {
    ConstantData c = constantInput(i).orElseThrow(() -> error("needs input " + i + " to be a constant"));
    try {
      return TensorBytes.decode(c.elementType(), c.bytes(), Math.toIntExact(c.elementCount()));
    } catch (IllegalArgumentException e) {
      throw error("needs input " + i + " to be a numeric constant, not " + c.elementType());
    }
  }

  @Override
  public int bodyCount() throws ConversionException {
    try {
      return index.nodes.get(node).bodyCount();
    } catch (OpenVinoException e) {
      throw error("cannot read its bodies: " + e.getMessage());
    }
  }

  /** Body {@code body} as a model (kept open with the conversion). */
  Model bodyModel(int body) throws ConversionException {
    if (body < 0 || body >= bodyCount()) {
      throw error("has no body " + body);
    }
    try {
      return index.body(node, body);
    } catch (OpenVinoException e) {
      throw error("cannot open body " + body + ": " + e.getMessage());
    }
  }

  GraphIndex index() {
    return index;
  }

  @Override
  public List<Port> bodyParameters(int body) throws ConversionException {
    try {
      return bodyModel(body).inputs();
    } catch (OpenVinoException e) {
      throw error("cannot read the parameters of body " + body + ": " + e.getMessage());
    }
  }

  @Override
  public List<Port> bodyResults(int body) throws ConversionException {
    try {
      return bodyModel(body).outputs();
    } catch (OpenVinoException e) {
      throw error("cannot read the results of body " + body + ": " + e.getMessage());
    }
  }

  @Override
  public List<PortMap> bodyInputs(int body) throws ConversionException {
    try {
      return index.nodes.get(node).bodyInputs(body);
    } catch (OpenVinoException e) {
      throw error("cannot read the input map of body " + body + ": " + e.getMessage());
    }
  }

  @Override
  public List<PortMap> bodyOutputs(int body) throws ConversionException {
    try {
      return index.nodes.get(node).bodyOutputs(body);
    } catch (OpenVinoException e) {
      throw error("cannot read the output map of body " + body + ": " + e.getMessage());
    }
  }

  @Override
  public long[] loopSpecialPorts() throws ConversionException {
    try {
      return index.nodes.get(node).loopSpecialPorts();
    } catch (OpenVinoException e) {
      throw error("cannot read the Loop's special ports: " + e.getMessage());
    }
  }

  @Override
  public ConversionException error(String message) {
    return new ConversionException("node " + describe() + ": " + message);
  }
}
