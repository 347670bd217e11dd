package org.ov2onnx.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.onnx.proto.OnnxProto.AttributeProto;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorShapeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TypeProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * The ONNX graph under construction; converters reach it as a {@link GraphBuilder}. Names are
 * kept unique; initializers that no node ends up using are dropped when the graph is built.
 */
final class GraphAssembly implements GraphBuilder {
  private final int opset;
  private final List<NodeProto> nodes = new ArrayList<>();
  private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
  private final List<ValueInfoProto> inputs = new ArrayList<>();
  private final List<ValueInfoProto> outputs = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> produced = new HashSet<>();
  private final Set<String> nodeNames = new HashSet<>();
  private final Map<String, Integer> domains = new TreeMap<>();
  private final ConstantPool pool;
  private String nodePrefix = "node";
  private int nodesOfCurrent;
  private int minOpsetUsed;

  GraphAssembly(int opset) {
    this(opset, new ConstantPool());
  }

  /** A graph whose constants are shared through {@code pool} (a body's: its parent's {@code child()}). */
  GraphAssembly(int opset, ConstantPool pool) {
    this.opset = opset;
    this.pool = pool;
  }

  /** This graph's table of shared constants. */
  ConstantPool constants() {
    return pool;
  }

  /** Reserves a value name decided before conversion (a node output's ONNX name). */
  void reserve(String name) {
    names.add(name);
  }

  /** Names the next nodes after the OpenVINO node being converted. */
  void startNode(String friendlyName) {
    nodePrefix = friendlyName.isEmpty() ? "node" : friendlyName;
    nodesOfCurrent = 0;
  }

  @Override
  public int opset() {
    return opset;
  }

  @Override
  public void useDomain(String domain, int version) {
    domains.merge(domain, version, Math::max);
  }

  @Override
  public String fresh(String hint) {
    String base = hint == null || hint.isEmpty() ? "v" : hint;
    String name = base;
    for (int k = 1; names.contains(name); k++) {
      name = base + "_" + k;
    }
    names.add(name);
    return name;
  }

  private String nodeName(String opType) {
    String base = nodesOfCurrent == 0 ? nodePrefix : nodePrefix + "/" + opType;
    nodesOfCurrent++;
    String name = base;
    for (int k = 1; nodeNames.contains(name); k++) {
      name = base + "_" + k;
    }
    nodeNames.add(name);
    return name;
  }

  @Override
  public List<String> add(OnnxNode node) throws ConversionException {
    NodeProto.Builder b = NodeProto.newBuilder().setOpType(node.opType()).setName(nodeName(node.opType()));
    if (!node.domain().isEmpty()) {
      b.setDomain(node.domain());
      domains.putIfAbsent(node.domain(), 1);
    }
    for (String input : node.inputs()) {
      b.addInput(pool.resolve(input)); // a Constant that shares another's data names that one's initializer
    }
    List<String> outs = new ArrayList<>(node.outputs());
    if (outs.isEmpty()) {
      for (int i = 0; i < node.outputCount(); i++) {
        outs.add(fresh(nodePrefix + "/" + node.opType() + (node.outputCount() > 1 ? ":" + i : "")));
      }
    }
    b.addAllOutput(outs);
    produced.addAll(outs);
    for (Map.Entry<String, Object> e : node.attributes().entrySet()) {
      b.addAttribute(attribute(e.getKey(), e.getValue()));
    }
    nodes.add(b.build());
    return outs;
  }

  private AttributeProto attribute(String name, Object value) throws ConversionException {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
    if (value instanceof Long v) {
      a.setType(AttributeProto.AttributeType.INT).setI(v);
    } else if (value instanceof Double v) {
      a.setType(AttributeProto.AttributeType.FLOAT).setF(v.floatValue());
    } else if (value instanceof String v) {
      a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(v));
    } else if (value instanceof long[] v) {
      a.setType(AttributeProto.AttributeType.INTS);
      for (long x : v) {
        a.addInts(x);
      }
    } else if (value instanceof double[] v) {
      a.setType(AttributeProto.AttributeType.FLOATS);
      for (double x : v) {
        a.addFloats((float) x);
      }
    } else if (value instanceof String[] v) {
      a.setType(AttributeProto.AttributeType.STRINGS);
      for (String x : v) {
        a.addStrings(ByteString.copyFromUtf8(x));
      }
    } else if (value instanceof OnnxNode.TensorAttr t) {
      a.setType(AttributeProto.AttributeType.TENSOR).setT(smallTensor("", t.type(), t.shape(), t.values()));
    } else {
      throw new ConversionException("attribute " + name + " has an unsupported value " + value);
    }
    return a.build();
  }

  @Override
  public int onnxType(ElementType type) throws ConversionException {
    var t = OnnxTypes.toOnnx(type);
    if (t == null) {
      throw new ConversionException("ONNX has no element type for OpenVINO's " + type);
    }
    if (OnnxTypes.minOpset(type) > opset) {
      throw new ConversionException(
          "element type " + type + " needs ONNX opset " + OnnxTypes.minOpset(type) + " or later (target is " + opset + ")");
    }
    minOpsetUsed = Math.max(minOpsetUsed, OnnxTypes.minOpset(type));
    return t.getNumber();
  }

  @Override
  public String initializer(String name, ConstantData data) throws ConversionException {
    if (reuse(name, data, "")) {
      return name;
    }
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(onnxType(data.elementType()));
    for (long d : data.shape()) {
      t.addDims(d);
    }
    if (data.elementType() == ElementType.STRING) {
      for (String s : data.strings()) {
        t.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
      }
    } else {
      // no copy: the bytes stay in OpenVINO's (memory-mapped) buffer until they are written
      t.setRawData(UnsafeByteOperations.unsafeWrap(data.bytes()));
    }
    names.add(name);
    produced.add(name);
    initializers.put(name, t.build());
    pool.remember(data, "", name);
    return name;
  }

  /**
   * Makes {@code name} stand for the initializer already made from the same data as {@code source}
   * ({@code kind} "" for the data itself, else a name for how it was derived); false if none was.
   */
  boolean reuse(String name, ConstantData source, String kind) {
    String existing = pool.find(source, kind);
    if (existing == null || existing.equals(name)) {
      return false;
    }
    pool.alias(name, existing);
    names.add(name);
    produced.add(name);
    return true;
  }

  /** An initializer over {@code bytes} (not copied). */
  String initializer(String name, ElementType type, long[] shape, ByteBuffer bytes) throws ConversionException {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(onnxType(type));
    for (long d : shape) {
      t.addDims(d);
    }
    t.setRawData(UnsafeByteOperations.unsafeWrap(bytes));
    names.add(name);
    produced.add(name);
    initializers.put(name, t.build());
    return name;
  }

  @Override
  public String int64s(boolean scalar, long... values) {
    int type = TensorProto.DataType.INT64.getNumber();
    long[] shape = scalar && values.length == 1 ? new long[0] : new long[] {values.length};
    ByteBuffer content = ByteBuffer.allocate(values.length * Long.BYTES);
    content.asLongBuffer().put(values);
    String existing = pool.findContent(type, shape, content);
    if (existing != null) {
      return existing;
    }
    String name = fresh(nodePrefix + "/const");
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : shape) {
      t.addDims(d);
    }
    for (long v : values) {
      t.addInt64Data(v);
    }
    produced.add(name);
    initializers.put(name, t.build());
    pool.rememberContent(type, shape, content, name);
    return name;
  }

  @Override
  public String constant(ElementType type, long[] shape, double... values) throws ConversionException {
    TensorProto t = smallTensor(nodePrefix + "/const", type, shape, values);
    ByteBuffer content = t.getRawData().asReadOnlyByteBuffer();
    String existing = pool.findContent(t.getDataType(), shape, content);
    if (existing != null) {
      return existing;
    }
    String name = fresh(nodePrefix + "/const");
    produced.add(name);
    initializers.put(name, t.toBuilder().setName(name).build());
    pool.rememberContent(t.getDataType(), shape, content, name);
    return name;
  }

  private TensorProto smallTensor(String name, ElementType type, long[] shape, double[] values)
      throws ConversionException {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(onnxType(type));
    long count = 1;
    for (long d : shape) {
      t.addDims(d);
      count *= d;
    }
    if (count != values.length) {
      throw new ConversionException(
          "constant " + name + " of shape " + java.util.Arrays.toString(shape) + " got " + values.length + " values");
    }
    ByteBuffer bytes = TensorBytes.encode(type, values);
    t.setRawData(ByteString.copyFrom(bytes));
    return t.build();
  }

  @Override
  public void graphInput(String name, ElementType type, PartialShape shape) throws ConversionException {
    inputs.add(valueInfo(name, type, shape));
    produced.add(name);
  }

  @Override
  public void graphOutput(String name, ElementType type, PartialShape shape) throws ConversionException {
    outputs.add(valueInfo(name, type, shape));
  }

  /**
   * Declares {@code value} a graph output. ONNX needs each graph output to be a distinct value that
   * is neither a graph input nor an initializer: otherwise an Identity copies it to a fresh name
   * made from {@code fallbackName}, which the output takes instead. Returns the output's name.
   */
  String graphOutput(String value, String fallbackName, ElementType type, PartialShape shape)
      throws ConversionException {
    value = pool.resolve(value);
    String name = value;
    if (isGraphInput(value) || isGraphOutput(value) || initializers.containsKey(value)) {
      name = addOne(OnnxNode.op("Identity").inputs(value).outputs(fresh(fallbackName)));
    }
    graphOutput(name, type, shape);
    return name;
  }

  boolean isProduced(String name) {
    return produced.contains(name);
  }

  boolean isGraphInput(String name) {
    return inputs.stream().anyMatch(v -> v.getName().equals(name));
  }

  boolean isGraphOutput(String name) {
    return outputs.stream().anyMatch(v -> v.getName().equals(name));
  }

  private ValueInfoProto valueInfo(String name, ElementType type, PartialShape shape) throws ConversionException {
    TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(onnxType(type));
    if (!shape.isRankDynamic()) {
      TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
      int i = 0;
      for (Dimension d : shape.dims()) {
        if (d.isStatic()) {
          s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d.length()));
        } else {
          // ONNX has no bounded dimensions: an interval becomes symbolic too
          s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(name + "_d" + i));
        }
        i++;
      }
      tensor.setShape(s);
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(tensor))
        .build();
  }

  Map<String, Integer> domains() {
    return domains;
  }

  /** The lowest opset the element types used need (0 if none in particular). */
  int minOpsetUsed() {
    return minOpsetUsed;
  }

  int nodeCount() {
    return nodes.size();
  }

  /** The graph, its inputs in {@code inputOrder}, without initializers that nothing uses. */
  GraphProto build(String graphName, List<String> inputOrder) {
    inputs.sort(java.util.Comparator.comparingInt(v -> {
      int i = inputOrder.indexOf(v.getName());
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    Set<String> used = new HashSet<>();
    for (NodeProto n : nodes) {
      used.addAll(n.getInputList());
    }
    for (ValueInfoProto o : outputs) {
      used.add(o.getName());
    }
    GraphProto.Builder g = GraphProto.newBuilder().setName(graphName);
    g.addAllNode(nodes);
    g.addAllInput(inputs);
    g.addAllOutput(outputs);
    for (TensorProto t : initializers.values()) {
      if (used.contains(t.getName())) {
        g.addInitializer(t);
      }
    }
    return g.build();
  }
}
