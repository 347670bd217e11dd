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
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.Subgraph;
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
 * The ONNX graph under construction, or one of its sub-graphs; converters reach it as a {@link
 * GraphBuilder}. Names of values and nodes are unique across all nested scopes; initializers live
 * in the main graph (sub-graphs see them as outer-scope values), and those that no node ends up
 * using are dropped when the graph is built.
 */
final class GraphAssembly implements Subgraph {
  /** Converts an OpenVINO body into a sub-graph (the driver's recursion). */
  interface BodyConverter {
    List<String> convert(NodeViewImpl node, int body, Map<Integer, String> bindings, GraphAssembly into)
        throws ConversionException;
  }

  /** What all scopes of one conversion share. */
  private static final class Shared {
    final int opset;
    final Set<String> names;
    final Set<String> nodeNames = new HashSet<>();
    final Map<String, Integer> domains = new TreeMap<>();
    final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    final Set<String> produced = new HashSet<>();
    final Map<String, String> metadata = new LinkedHashMap<>();
    final ConstantPool pool = new ConstantPool();
    BodyConverter bodies;
    boolean dequantize;
    int minOpsetUsed;

    Shared(int opset, Set<String> names) {
      this.opset = opset;
      this.names = names;
    }
  }

  private final Shared shared;
  private final String graphName;
  private final List<NodeProto> nodes = new ArrayList<>();
  private final List<ValueInfoProto> inputs = new ArrayList<>();
  private final List<ValueInfoProto> outputs = new ArrayList<>();
  private final Set<String> inputNames = new HashSet<>();
  private final Set<String> outputNames = new HashSet<>();
  /** Values made by this scope's own nodes. */
  private final Set<String> madeHere = new HashSet<>();
  private final Set<String> names;
  private final Set<String> produced;
  private final Set<String> nodeNames;
  private final Map<String, Integer> domains;
  private final Map<String, TensorProto> initializers;
  /** Shared constants: one table for all scopes, since every initializer lives in the main graph. */
  private final ConstantPool pool;
  private String nodePrefix = "node";
  private int nodesOfCurrent;

  /** The main graph; {@code names} holds the value names reserved so far (shared with the index). */
  GraphAssembly(int opset, Set<String> names) {
    this(new Shared(opset, names), "main");
  }

  GraphAssembly(int opset) {
    this(opset, new HashSet<>());
  }

  private GraphAssembly(Shared shared, String graphName) {
    this.shared = shared;
    this.graphName = graphName;
    this.names = shared.names;
    this.produced = shared.produced;
    this.nodeNames = shared.nodeNames;
    this.domains = shared.domains;
    this.initializers = shared.initializers;
    this.pool = shared.pool;
  }

  void setBodyConverter(BodyConverter bodies) {
    shared.bodies = bodies;
  }

  void setDequantize(boolean dequantize) {
    shared.dequantize = dequantize;
  }

  @Override
  public boolean dequantize() {
    return shared.dequantize;
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

  /** The friendly name of the node being converted (for naming what it adds). */
  String nodePrefix() {
    return nodePrefix;
  }

  @Override
  public int opset() {
    return shared.opset;
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
    madeHere.addAll(outs);
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
    } else if (value instanceof GraphAssembly g) {
      a.setType(AttributeProto.AttributeType.GRAPH).setG(g.buildSubgraph());
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
    if (OnnxTypes.minOpset(type) > shared.opset) {
      throw new ConversionException(
          "element type " + type + " " + Converter.needsOpset(OnnxTypes.minOpset(type))
              + (OnnxTypes.minOpset(type) <= Converter.MAX_OPSET ? " (target is " + shared.opset + ")" : ""));
    }
    shared.minOpsetUsed = Math.max(shared.minOpsetUsed, OnnxTypes.minOpset(type));
    return t.getNumber();
  }

  @Override
  public String initializer(String name, ConstantData data) throws ConversionException {
    // a graph input's default (a state's initial value) must stay its own, overridable initializer
    if (!isGraphInput(name) && reuse(name, data, "")) {
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
  @Override
  public String initializer(String name, ElementType type, long[] shape, ByteBuffer bytes) throws ConversionException {
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
    graphInput(name, type, shape, List.of());
  }

  @Override
  public void graphOutput(String name, ElementType type, PartialShape shape) throws ConversionException {
    graphOutput(name, type, shape, List.of());
  }

  @Override
  public void graphInput(String name, ElementType type, PartialShape shape, List<String> dimParams)
      throws ConversionException {
    inputs.add(valueInfo(name, type, shape, dimParams));
    inputNames.add(name);
    produced.add(name);
  }

  @Override
  public void graphOutput(String name, ElementType type, PartialShape shape, List<String> dimParams)
      throws ConversionException {
    outputs.add(valueInfo(name, type, shape, dimParams));
    outputNames.add(name);
  }

  @Override
  public Subgraph subgraph(String name) {
    return new GraphAssembly(shared, name);
  }

  @Override
  public void metadata(String key, String value) {
    shared.metadata.put(key, value);
  }

  Map<String, String> metadata() {
    return shared.metadata;
  }

  @Override
  public String input(String hint, ElementType type, PartialShape shape) throws ConversionException {
    String name = fresh(hint);
    graphInput(name, type, shape);
    return name;
  }

  @Override
  public List<String> convertBody(NodeView node, int body, Map<Integer, String> bindings)
      throws ConversionException {
    if (!(node instanceof NodeViewImpl view)) {
      throw node.error("is not a node of the model being converted");
    }
    return shared.bodies.convert(view, body, bindings, this);
  }

  @Override
  public String output(String value, String hint, ElementType type, PartialShape shape) throws ConversionException {
    String name = value;
    if (!madeHere.contains(value) || inputNames.contains(value) || outputNames.contains(value)) {
      name = addOne(OnnxNode.op("Identity").inputs(value).outputs(fresh(hint)));
    }
    graphOutput(name, type, shape);
    return name;
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
    return inputNames.contains(name);
  }

  boolean isGraphOutput(String name) {
    return outputNames.contains(name);
  }

  private ValueInfoProto valueInfo(String name, ElementType type, PartialShape shape, List<String> dimParams)
      throws ConversionException {
    TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(onnxType(type));
    if (!shape.isRankDynamic()) {
      TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
      int i = 0;
      for (Dimension d : shape.dims()) {
        if (d.isStatic()) {
          s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d.length()));
        } else {
          // ONNX has no bounded dimensions: an interval becomes symbolic too
          String param = i < dimParams.size() ? dimParams.get(i) : null;
          s.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(param != null ? param : GraphBuilder.dimParam(name, i)));
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
    return shared.minOpsetUsed;
  }

  int nodeCount() {
    return nodes.size();
  }

  /** A sub-graph: its nodes, inputs and outputs (its constants are the main graph's initializers). */
  private GraphProto buildSubgraph() {
    return GraphProto.newBuilder().setName(graphName).addAllNode(nodes).addAllInput(inputs).addAllOutput(outputs).build();
  }

  /**
   * The main graph, its inputs in {@code inputOrder} and outputs in {@code outputOrder} (others,
   * such as state, after them), without initializers that nothing uses.
   */
  GraphProto build(String graphName, List<String> inputOrder, List<String> outputOrder) {
    inputs.sort(java.util.Comparator.comparingInt(v -> position(inputOrder, v.getName())));
    outputs.sort(java.util.Comparator.comparingInt(v -> position(outputOrder, v.getName())));
    Set<String> used = new HashSet<>(outputNames);
    List<NodeProto> live = liveNodes(used);
    for (ValueInfoProto o : outputs) {
      used.add(o.getName());
    }
    GraphProto.Builder g = GraphProto.newBuilder().setName(graphName);
    g.addAllNode(live);
    g.addAllInput(inputs);
    g.addAllOutput(outputs);
    for (TensorProto t : initializers.values()) {
      if (used.contains(t.getName())) {
        g.addInitializer(t);
      }
    }
    return g.build();
  }

  /**
   * The nodes whose outputs something needs (a graph output, or a needed node, inside its
   * sub-graphs too), in order: values a converter read from a folded constant leave their former
   * producers unused, and those are dropped with the initializers only they read.
   */
  private List<NodeProto> liveNodes(Set<String> needed) {
    boolean[] keep = new boolean[nodes.size()];
    for (int i = nodes.size() - 1; i >= 0; i--) {
      NodeProto n = nodes.get(i);
      for (int o = 0; o < n.getOutputCount() && !keep[i]; o++) {
        keep[i] = needed.contains(n.getOutput(o));
      }
      if (keep[i]) {
        collectUses(n, needed);
      }
    }
    List<NodeProto> live = new ArrayList<>();
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        live.add(nodes.get(i));
      }
    }
    return live;
  }

  private static int position(List<String> order, String name) {
    int i = order.indexOf(name);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Every value the node reads, inside its sub-graphs too (outer-scope references). */
  private static void collectUses(NodeProto n, Set<String> used) {
    for (int k = 0; k < n.getInputCount(); k++) {
      used.add(n.getInput(k));
    }
    for (int k = 0; k < n.getAttributeCount(); k++) {
      AttributeProto a = n.getAttribute(k);
      if (a.hasG()) {
        for (NodeProto inner : a.getG().getNodeList()) {
          collectUses(inner, used);
        }
        for (ValueInfoProto o : a.getG().getOutputList()) {
          used.add(o.getName());
        }
      }
    }
  }
}
