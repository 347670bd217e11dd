package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_const;
import org.ov2onnx.openvino.internal.Shim.ovx_model;

/**
 * A read-only view of one node of a {@link Model}: its type, version, name, inputs, outputs,
 * attributes, runtime info, sub-graphs and constant data. Valid while its model is open.
 */
public final class Node {
  /** Where one input of a node comes from: output {@code port} of node {@code node}. */
  public record Source(int node, int port) {}

  private final Model model;
  private final int index;
  private Map<String, AttributeValue> attributes;

  Node(Model model, int index) {
    this.model = model;
    this.index = index;
  }

  private ovx_model m() {
    return model.handle();
  }

  public Model model() {
    return model;
  }

  /** The node's position in the model's topological order. */
  public int index() {
    return index;
  }

  /** OpenVINO's API type name, e.g. {@code Convolution}, {@code Constant}, {@code Relu}. */
  public String type() throws OpenVinoException {
    return Native.string(Shim.ovx_node_type(m(), index), context("cannot read the type"));
  }

  /** The opset in which this version of the operation appeared (the 1 of {@code opset1}). */
  public int version() throws OpenVinoException {
    String id = versionId();
    String digits = id.replaceAll("\\D", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }

  /** OpenVINO's version id, e.g. {@code opset8}; extension ops may use other ids. */
  public String versionId() throws OpenVinoException {
    return Native.string(Shim.ovx_node_version(m(), index), context("cannot read the version"));
  }

  /** The friendly name. */
  public String name() throws OpenVinoException {
    return Native.string(Shim.ovx_node_name(m(), index), context("cannot read the name"));
  }

  /** "name (Type-version)", for messages. */
  public String describe() {
    try {
      return "'" + name() + "' (" + type() + "-" + version() + ")";
    } catch (OpenVinoException e) {
      return "node #" + index;
    }
  }

  public List<Source> inputs() throws OpenVinoException {
    long count = Native.count(Shim.ovx_node_input_count(m(), index), context("cannot count inputs"));
    List<Source> sources = new ArrayList<>();
    long[] source = new long[2];
    for (int port = 0; port < count; port++) {
      Native.check(
          Shim.ovx_node_input_source(m(), index, port, source),
          context("cannot read the source of input " + port));
      sources.add(new Source((int) source[0], (int) source[1]));
    }
    return sources;
  }

  public int outputCount() throws OpenVinoException {
    return (int) Native.count(Shim.ovx_node_output_count(m(), index), context("cannot count outputs"));
  }

  /** Element type, partial shape and tensor names of output {@code port}. */
  public Port outputPort(int port) throws OpenVinoException {
    String ctx = context("cannot read output " + port);
    ElementType type = ElementType.fromOvName(Native.string(Shim.ovx_node_output_type(m(), index, port), ctx));
    long rank = Shim.ovx_node_output_shape(m(), index, port, (long[]) null, 0);
    if (rank < -1) {
      throw Native.failure(Shim.OVX_ERR_GENERAL, ctx);
    }
    long[] minmax = new long[(int) Math.max(0, 2 * rank)];
    Shim.ovx_node_output_shape(m(), index, port, minmax, minmax.length);
    PartialShape shape = PartialShape.decode(rank, minmax, 0);
    long count = Native.count(Shim.ovx_node_output_name_count(m(), index, port), ctx);
    List<String> names = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      names.add(Native.string(Shim.ovx_node_output_name(m(), index, port, k), ctx));
    }
    return new Port(names, type, shape, index);
  }

  public List<Port> outputs() throws OpenVinoException {
    List<Port> ports = new ArrayList<>();
    for (int port = 0, n = outputCount(); port < n; port++) {
      ports.add(outputPort(port));
    }
    return ports;
  }

  /** The attributes, in the order the node visits them, by name. */
  public synchronized Map<String, AttributeValue> attributes() throws OpenVinoException {
    if (attributes == null) {
      attributes = Collections.unmodifiableMap(readAttributes());
    }
    return attributes;
  }

  /** A buffer for {@link #readAttributes}: most nodes' attributes fit, so one native call reads them. */
  private static final ThreadLocal<byte[]> ATTRIBUTE_BUFFER = ThreadLocal.withInitial(() -> new byte[4096]);

  /** All attributes, decoded from one native description (see ovx_attr_all). */
  private Map<String, AttributeValue> readAttributes() throws OpenVinoException {
    byte[] buffer = ATTRIBUTE_BUFFER.get();
    long size = Shim.ovx_attr_all(m(), index, buffer, buffer.length);
    if (size > buffer.length) {
      buffer = new byte[Math.toIntExact(size)];
      size = Shim.ovx_attr_all(m(), index, buffer, buffer.length);
    }
    if (size < 0 || size > buffer.length) { // the message is built only for a failure: this runs for every node
      throw Native.failure(Shim.OVX_ERR_GENERAL, context("cannot read attributes"));
    }
    ByteBuffer b = ByteBuffer.wrap(buffer, 0, (int) size).order(ByteOrder.LITTLE_ENDIAN);
    int count = Math.toIntExact(b.getLong());
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int a = 0; a < count; a++) {
      String name = Model.string(b);
      int kind = Math.toIntExact(b.getLong());
      long[] ints = new long[Math.toIntExact(b.getLong())];
      for (int k = 0; k < ints.length; k++) {
        ints[k] = b.getLong();
      }
      double[] floats = new double[Math.toIntExact(b.getLong())];
      for (int k = 0; k < floats.length; k++) {
        floats[k] = Double.longBitsToDouble(b.getLong());
      }
      int stringCount = Math.toIntExact(b.getLong());
      List<String> strings = new ArrayList<>(stringCount);
      for (int k = 0; k < stringCount; k++) {
        strings.add(Model.string(b));
      }
      map.put(name, attribute(kind, ints, floats, strings));
    }
    return map;
  }

  /** One attribute, or null if the node has none of that name. */
  public AttributeValue attribute(String name) throws OpenVinoException {
    return attributes().get(name);
  }

  private static AttributeValue attribute(int kind, long[] ints, double[] floats, List<String> strings) {
    switch (kind) {
      case Shim.OVX_ATTR_BOOL:
        return new AttributeValue.Bool(ints[0] != 0);
      case Shim.OVX_ATTR_INT:
        return new AttributeValue.Int(ints[0]);
      case Shim.OVX_ATTR_FLOAT:
        return new AttributeValue.Float(floats[0]);
      case Shim.OVX_ATTR_STRING:
        return new AttributeValue.Str(strings.get(0));
      case Shim.OVX_ATTR_INTS:
        return new AttributeValue.Ints(boxed(ints));
      case Shim.OVX_ATTR_FLOATS:
        List<Double> values = new ArrayList<>();
        for (double f : floats) {
          values.add(f);
        }
        return new AttributeValue.Floats(values);
      case Shim.OVX_ATTR_STRINGS:
        return new AttributeValue.Strs(strings);
      case Shim.OVX_ATTR_ELEMENT_TYPE:
        return new AttributeValue.Type(ElementType.fromOvName(strings.get(0)));
      case Shim.OVX_ATTR_ELEMENT_TYPES:
        return new AttributeValue.Types(strings.stream().map(ElementType::fromOvName).toList());
      case Shim.OVX_ATTR_PARTIAL_SHAPE:
        return new AttributeValue.Shape(PartialShape.decode(ints[0], ints, 1));
      case Shim.OVX_ATTR_DIMENSION:
        return new AttributeValue.Dim(new Dimension(ints[0], ints[1]));
      case Shim.OVX_ATTR_SUBGRAPH:
        return new AttributeValue.Body((int) ints[0]);
      case Shim.OVX_ATTR_INPUT_MAP:
        return new AttributeValue.InputMap((int) ints[0]);
      case Shim.OVX_ATTR_OUTPUT_MAP:
        return new AttributeValue.OutputMap((int) ints[0]);
      case Shim.OVX_ATTR_VARIABLE:
        return new AttributeValue.Variable(
            strings.get(0), ElementType.fromOvName(strings.get(1)), PartialShape.decode(ints[0], ints, 1));
      default:
        return new AttributeValue.Opaque(strings.isEmpty() ? "" : strings.get(0));
    }
  }

  private static List<Long> boxed(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long v : values) {
      list.add(v);
    }
    return list;
  }

  /** The node's runtime info (e.g. {@code decompression} markers), as text, sorted by key. */
  public Map<String, String> runtimeInfo() throws OpenVinoException {
    String ctx = context("cannot read runtime info");
    Map<String, String> map = new LinkedHashMap<>();
    for (long k = 0, n = Native.count(Shim.ovx_node_rt_count(m(), index), ctx); k < n; k++) {
      map.put(
          Native.string(Shim.ovx_node_rt_key(m(), index, k), ctx),
          Native.string(Shim.ovx_node_rt_value(m(), index, k), ctx));
    }
    return map;
  }

  /** How many sub-graph bodies the node has (TensorIterator and Loop: 1, If: 2, others: 0). */
  public int bodyCount() throws OpenVinoException {
    return (int) Native.count(Shim.ovx_node_body_count(m(), index), context("cannot count bodies"));
  }

  /** Body {@code body} as a model of its own; close it when done. */
  public Model body(int body) throws OpenVinoException {
    ovx_model out = new ovx_model();
    Native.check(Shim.ovx_node_body(m(), index, body, out), context("cannot open body " + body));
    return new Model(out, model.source() + " > " + describe() + " body " + body);
  }

  public List<PortMap> bodyInputs(int body) throws OpenVinoException {
    String ctx = context("cannot read the input map of body " + body);
    long count = Native.count(Shim.ovx_node_body_inputs(m(), index, body, (long[]) null, 0), ctx);
    long[] records = new long[(int) count * Shim.OVX_MAP_RECORD_LONGS];
    Shim.ovx_node_body_inputs(m(), index, body, records, records.length);
    List<PortMap> maps = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      maps.add(PortMap.input(records, r * Shim.OVX_MAP_RECORD_LONGS));
    }
    return maps;
  }

  public List<PortMap> bodyOutputs(int body) throws OpenVinoException {
    String ctx = context("cannot read the output map of body " + body);
    long count = Native.count(Shim.ovx_node_body_outputs(m(), index, body, (long[]) null, 0), ctx);
    long[] records = new long[(int) count * Shim.OVX_MAP_RECORD_LONGS];
    Shim.ovx_node_body_outputs(m(), index, body, records, records.length);
    List<PortMap> maps = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      maps.add(PortMap.output(records, r * Shim.OVX_MAP_RECORD_LONGS));
    }
    return maps;
  }

  /** Loop only: {current iteration body input index, condition body output index} (-1 if absent). */
  public long[] loopSpecialPorts() throws OpenVinoException {
    long[] ports = new long[2];
    Native.check(Shim.ovx_node_loop_special_ports(m(), index, ports), context("cannot read Loop ports"));
    return ports;
  }

  /**
   * The value of input {@code port} if it is known before inference: from a Constant (a zero-copy
   * view), or computed by OpenVINO from Constants and static shape parts only. Empty if it
   * depends on input data.
   */
  public java.util.Optional<ConstantData> inputValue(int port) throws OpenVinoException {
    ovx_const view = new ovx_const();
    int status = Shim.ovx_input_value(m(), index, port, view);
    if (status == Shim.OVX_ERR_NOT_FOUND) {
      return java.util.Optional.empty();
    }
    Native.check(status, context("cannot evaluate input " + port));
    return java.util.Optional.of(ConstantData.wrap(view));
  }

  /** A zero-copy view of a Constant node's data. */
  public ConstantData constant() throws OpenVinoException {
    ovx_const view = new ovx_const();
    int status = Shim.ovx_const_open(m(), index, view);
    if (status != Shim.OVX_OK) {
      throw Native.failure(status, context("cannot open constant data"));
    }
    return ConstantData.wrap(view);
  }

  private String context(String what) {
    return what + " of node #" + index + " in " + model.source();
  }

  @Override
  public String toString() {
    return model.isClosed() ? "Node#" + index + "[closed model]" : describe();
  }

}
