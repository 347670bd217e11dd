package org.ov2onnx.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;

/**
 * Writes small OpenVINO IR v11 models (xml + bin) for tests: parameters, constants, any operation
 * with its IR attributes, results. OpenVINO's own reader then builds the model, so every test
 * model goes through the vendor's deserializer exactly like a user's IR.
 *
 * <pre>{@code
 * IrBuilder ir = new IrBuilder("elu");
 * String x = ir.parameter("x", ElementType.F32, "2,3");
 * String y = ir.op("Elu", 1, Map.of("alpha", "0.5"), x);
 * ir.result(y);
 * Path xml = ir.write(dir);
 * }</pre>
 *
 * Values passed around are port references ("layerId:portId"). Attribute values are written as
 * IR writes them (e.g. {@code strides="1,1"}, {@code auto_pad="explicit"}). API type names that
 * differ in IR (Constant, Relu, PRelu, Softmax) are translated.
 */
public final class IrBuilder {
  private static final Map<String, String> IR_NAMES =
      Map.of("Constant", "Const", "Relu", "ReLU", "PRelu", "PReLU", "Softmax", "SoftMax");

  private final String name;
  private final List<String> layers = new ArrayList<>();
  private final List<String> edges = new ArrayList<>();
  private final java.io.ByteArrayOutputStream bin;
  private final Map<String, String> constantData = new java.util.HashMap<>();
  private int nextId;
  private int irVersion = 11;

  public IrBuilder(String name) {
    this(name, new java.io.ByteArrayOutputStream());
  }

  private IrBuilder(String name, java.io.ByteArrayOutputStream bin) {
    this.name = name;
    this.bin = bin;
  }

  /**
   * A sub-graph body (of TensorIterator, Loop or If) whose constants go to this model's .bin. Its
   * layer ids are its own: port maps refer to them ({@link #layerId}).
   */
  public IrBuilder body(String bodyName) {
    return new IrBuilder(bodyName, bin);
  }

  /** The layer id of a port reference ("layerId:portId") or of a Result's id. */
  public static String layerId(String ref) {
    return ref.split(":")[0];
  }

  /** Writes IR version {@code v} (10 or 11) in the header; default 11. */
  public IrBuilder irVersion(int v) {
    this.irVersion = v;
    return this;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * A model input. {@code shape} in IR syntax: "1,3,224,224", "?,3,1..10", or "..." for a dynamic
   * rank. The tensor is named {@code name}.
   */
  public String parameter(String name, ElementType type, String shape) {
    int id = nextId++;
    layers.add(
        "    <layer id=\"" + id + "\" name=\"" + esc(name) + "\" type=\"Parameter\" version=\"opset1\">\n"
            + "      <data shape=\"" + esc(shape) + "\" element_type=\"" + type.ovName() + "\"/>\n"
            + "      <output><port id=\"0\" precision=\"FP32\" names=\"" + esc(name) + "\"/></output>\n"
            + "    </layer>\n");
    return id + ":0";
  }

  /** A constant of {@code type} and {@code shape} holding {@code values} (converted to the type). */
  public String constant(String name, ElementType type, long[] shape, double... values) {
    return constant(name, type, shape, TensorBytes.encode(type, values));
  }

  /** A constant whose data are the given raw bytes (as OpenVINO stores the type). */
  public String constant(String name, ElementType type, long[] shape, ByteBuffer data) {
    int id = nextId++;
    int offset = bin.size();
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    bin.write(bytes, 0, bytes.length);
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ",").append(shape[i]);
    }
    String layerData = "      <data element_type=\"" + type.ovName() + "\" shape=\"" + dims + "\" offset=\"" + offset
        + "\" size=\"" + bytes.length + "\"/>\n";
    constantData.put(id + ":0", layerData);
    return constLayer(id, name, layerData);
  }

  /**
   * Another Const layer over the same bytes of the .bin as the constant at {@code port} (as
   * OpenVINO's serializer stores identical constants once).
   */
  public String sharedConstant(String name, String port) {
    String data = constantData.get(port);
    int id = nextId++;
    return constLayer(id, name, data);
  }

  private String constLayer(int id, String name, String data) {
    layers.add(
        "    <layer id=\"" + id + "\" name=\"" + esc(name) + "\" type=\"Const\" version=\"opset1\">\n"
            + data
            + "      <output><port id=\"0\" precision=\"FP32\" names=\"" + esc(name) + "\"/></output>\n"
            + "    </layer>\n");
    return id + ":0";
  }

  /** An int64 1-D constant (shapes, axes, ...). */
  public String ints(String name, long... values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return constant(name, ElementType.I64, new long[] {values.length}, d);
  }

  /** An operation with one output; returns its port. */
  public String op(String type, int version, Map<String, String> attrs, String... inputs) {
    return op(type, version, attrs, 1, inputs).get(0);
  }

  /** An operation with {@code outputs} outputs; returns their ports. The layer is named "type_id". */
  public List<String> op(String type, int version, Map<String, String> attrs, int outputs, String... inputs) {
    return namedOp(type.toLowerCase() + "_" + nextId, type, version, attrs, outputs, inputs);
  }

  /** Like {@link #op(String, int, Map, int, String...)} with a chosen layer name. */
  public List<String> namedOp(
      String layerName, String type, int version, Map<String, String> attrs, int outputs, String... inputs) {
    return layer(layerName, type, version, attrs, "", outputs, inputs);
  }

  /**
   * A sub-graph operation: {@code portMaps} is the XML between the data and the ports (e.g.
   * {@code <port_map>…</port_map><back_edges>…</back_edges>}), {@code bodies} maps each body tag
   * ({@code body}, {@code then_body}, {@code else_body}) to its builder.
   */
  public List<String> subgraphOp(
      String type, int version, Map<String, String> attrs, String portMaps, Map<String, IrBuilder> bodies,
      int outputs, String... inputs) {
    StringBuilder inner = new StringBuilder();
    for (Map.Entry<String, IrBuilder> b : new java.util.TreeMap<>(bodies).entrySet()) {
      inner.append("      <").append(b.getKey()).append(">\n").append(b.getValue().graphXml())
          .append("      </").append(b.getKey()).append(">\n");
    }
    return layer(type.toLowerCase() + "_" + nextId, type, version, attrs, portMaps + "\n" + inner, outputs, inputs);
  }

  private List<String> layer(
      String layerName, String type, int version, Map<String, String> attrs, String inner, int outputs,
      String... inputs) {
    int id = nextId++;
    StringBuilder xml = new StringBuilder();
    xml.append("    <layer id=\"").append(id).append("\" name=\"").append(esc(layerName)).append("\" type=\"")
        .append(IR_NAMES.getOrDefault(type, type)).append("\" version=\"opset").append(version).append("\">\n");
    if (!attrs.isEmpty()) {
      xml.append("      <data");
      for (Map.Entry<String, String> a : new LinkedHashMap<>(attrs).entrySet()) {
        xml.append(' ').append(a.getKey()).append("=\"").append(esc(a.getValue())).append('"');
      }
      xml.append("/>\n");
    }
    if (inputs.length > 0) {
      xml.append("      <input>");
      for (int i = 0; i < inputs.length; i++) {
        xml.append("<port id=\"").append(i).append("\" precision=\"FP32\"/>");
        String[] from = inputs[i].split(":");
        edges.add("    <edge from-layer=\"" + from[0] + "\" from-port=\"" + from[1] + "\" to-layer=\"" + id
            + "\" to-port=\"" + i + "\"/>\n");
      }
      xml.append("</input>\n");
    }
    List<String> ports = new ArrayList<>();
    if (outputs > 0) {
      xml.append("      <output>");
      for (int o = 0; o < outputs; o++) {
        int port = inputs.length + o;
        String tensor = outputs == 1 ? layerName : layerName + "." + o;
        xml.append("<port id=\"").append(port).append("\" precision=\"FP32\" names=\"").append(esc(tensor)).append("\"/>");
        ports.add(id + ":" + port);
      }
      xml.append("</output>\n");
    }
    xml.append(inner);
    xml.append("    </layer>\n");
    layers.add(xml.toString());
    return ports;
  }

  /** Marks {@code port} as a model output; returns the Result's layer id. */
  public String result(String port) {
    int id = nextId++;
    layers.add(
        "    <layer id=\"" + id + "\" name=\"result_" + id + "\" type=\"Result\" version=\"opset1\">\n"
            + "      <input><port id=\"0\" precision=\"FP32\"/></input>\n"
            + "    </layer>\n");
    String[] from = port.split(":");
    edges.add("    <edge from-layer=\"" + from[0] + "\" from-port=\"" + from[1] + "\" to-layer=\"" + id
        + "\" to-port=\"0\"/>\n");
    return Integer.toString(id);
  }

  /** The IR text. */
  public String xml() {
    return "<?xml version=\"1.0\"?>\n<net name=\"" + esc(name) + "\" version=\"" + irVersion + "\">\n" + graphXml() + "</net>\n";
  }

  /** The layers and edges. */
  private String graphXml() {
    StringBuilder s = new StringBuilder("  <layers>\n");
    layers.forEach(s::append);
    s.append("  </layers>\n  <edges>\n");
    edges.forEach(s::append);
    s.append("  </edges>\n");
    return s.toString();
  }

  /** Writes NAME.xml and NAME.bin into {@code dir}; returns the xml. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path xml = dir.resolve(name + ".xml");
    Files.writeString(xml, xml());
    try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".bin"))) {
      bin.writeTo(out);
    }
    return xml;
  }
}
