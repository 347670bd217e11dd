package org.ov2onnx.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A cheap structural check of an IR {@code .xml}, run before OpenVINO's reader sees it.
 *
 * <p>OpenVINO's IR reader trusts the XML in places: some operations built with fewer inputs than
 * they need, or without a required attribute, crash the process inside the reader instead of
 * raising an error (Broadcast without inputs, ReadValue/Assign without {@code variable_id}). This
 * check refuses such files with an {@link OpenVinoException} naming the layer, so that neither the
 * CLI nor a library user reaches those paths. It streams the XML once (no DTD, no entities) and
 * keeps only the layers' ports and the edges, in the main graph and in every sub-graph body.
 *
 * <p>Checked, in every graph and body: layer ids are unique; every edge joins an existing output
 * port to an existing input port; every declared input port has exactly one edge; only source
 * operations have no inputs; operations known to crash with fewer inputs have enough; state
 * operations name their variable. See docs/NATIVE.md.
 */
final class IrPrecheck {
  /** Operations that legitimately have no inputs. */
  private static final Set<String> SOURCES = Set.of("Parameter", "Const", "Constant", "ReadValue");

  /**
   * Least input counts of operations whose reader path does not check them (crashes found by
   * mutation); OpenVINO raises a proper error for the others.
   */
  private static final Map<String, Integer> MIN_INPUTS = Map.of("Broadcast", 2);

  /** Operations whose {@code <data>} must name a non-empty attribute. */
  private static final Map<String, String> REQUIRED_ATTRIBUTE =
      Map.of("ReadValue", "variable_id", "Assign", "variable_id");

  private IrPrecheck() {}

  /** True for a file that starts (after a BOM and blanks) with '<': an XML file, IR or not. */
  static boolean looksLikeXml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64);
      for (int i = 0; i < head.length; i++) {
        int b = head[i] & 0xff;
        if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
          continue;
        }
        return b == '<';
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static final class Layer {
    final String id;
    final String type;
    /** The layer's name, or null: then it is read again from the file when a message needs it. */
    private final String name;
    /** Where the layer's start tag begins in the file, when {@link #name} is null. */
    private final long at;
    /** The attribute its {@code <data>} must have ({@link #REQUIRED_ATTRIBUTE}), or null. */
    final String requires;
    /** The value of {@link #requires} in the layer's last {@code <data>}, or null. */
    String required;
    /** The graph the layer is in, which holds its ports. */
    final Graph graph;
    /**
     * The layer's ports in the order declared, inputs and outputs, are its graph's ports {@code
     * first .. first + portCount - 1}, each with its {@link #OUTPUT} and {@link #FED} flags.
     */
    int first;
    int portCount;
    int inputCount;
    int fedCount;
    /** Port id to index, once a layer has more than a few ports (a conversion checks tens of thousands of layers). */
    Map<String, Integer> index;

    Layer(Graph graph, String id, String type, String name, long at) {
      this.graph = graph;
      this.id = id;
      this.type = type;
      this.name = name;
      this.at = at;
      this.requires = REQUIRED_ATTRIBUTE.get(type);
    }

    /** For a message: the layer's name, id and type. */
    String describe(Path file) {
      return "layer '" + (name != null ? name : nameAt(file, at)) + "' (id " + id + ", " + type + ")";
    }

    /** The index of port {@code id} among the layer's, or -1. */
    int port(String id) {
      if (index != null) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
      }
      String[] ids = graph.portIds;
      for (int i = 0; i < portCount; i++) {
        if (ids[first + i] == id) { // ids are mostly the same strings (XmlScanner)
          return i;
        }
      }
      for (int i = 0; i < portCount; i++) {
        if (ids[first + i].equals(id)) {
          return i;
        }
      }
      return -1;
    }

    String portId(int port) {
      return graph.portIds[first + port];
    }

    byte flags(int port) {
      return graph.portFlags[first + port];
    }

    void addPort(String id, boolean output) {
      Graph g = graph;
      if (portCount == 0) {
        first = g.portCount;
      } else if (first + portCount != g.portCount) { // not last in the graph's ports: moves to the end
        g.reserve(portCount);
        System.arraycopy(g.portIds, first, g.portIds, g.portCount, portCount);
        System.arraycopy(g.portFlags, first, g.portFlags, g.portCount, portCount);
        first = g.portCount;
        g.portCount += portCount;
      }
      g.reserve(1);
      g.portIds[g.portCount] = id;
      g.portFlags[g.portCount++] = output ? OUTPUT : 0;
      if (index != null) {
        index.put(id, portCount);
      } else if (portCount == 8) {
        index = new HashMap<>();
        for (int i = 0; i <= portCount; i++) {
          index.put(portId(i), i);
        }
      }
      portCount++;
      inputCount += output ? 0 : 1;
    }

    boolean isInput(int port) {
      return port >= 0 && (flags(port) & OUTPUT) == 0;
    }

    boolean isOutput(int port) {
      return port >= 0 && (flags(port) & OUTPUT) != 0;
    }

    /** Marks input {@code port} as fed by an edge; false if it was already. */
    boolean feed(int port) {
      byte[] f = graph.portFlags;
      if ((f[first + port] & FED) != 0) {
        return false;
      }
      f[first + port] |= FED;
      fedCount++;
      return true;
    }
  }

  private static final byte OUTPUT = 1;
  private static final byte FED = 2;

  private static final class Graph {
    final int depth;
    /** The layer whose body this graph is, or null for the main graph. */
    private final Layer owner;
    private final Path file;
    /** The layers in the order declared. */
    final List<Layer> order = new ArrayList<>();
    /** The layers by id: open addressing, at most half full. */
    private Layer[] byId = new Layer[64];
    /** The ports of all its layers, a run for each (not one small array per layer). */
    String[] portIds = new String[64];
    byte[] portFlags = new byte[64];
    int portCount;
    /** Four strings an edge: from-layer, from-port, to-layer, to-port. */
    String[] edges = new String[64];
    int edgeCount;

    Graph(int depth, Layer owner, Path file) {
      this.depth = depth;
      this.owner = owner;
      this.file = file;
    }

    /** Makes room for {@code more} ports. */
    void reserve(int more) {
      if (portCount + more > portIds.length) {
        int n = Math.max(portIds.length * 2, portCount + more);
        portIds = Arrays.copyOf(portIds, n);
        portFlags = Arrays.copyOf(portFlags, n);
      }
    }

    /** For a message: which graph this is. */
    String where() {
      return owner == null ? "the main graph" : "the body of " + owner.describe(file);
    }

    private static int slot(String id, int mask) {
      return XmlScanner.Strings.slot(id.hashCode(), mask);
    }

    /** The layer with id {@code id}, or null. */
    Layer layer(String id) {
      int mask = byId.length - 1;
      for (int i = slot(id, mask); ; i = (i + 1) & mask) {
        Layer l = byId[i];
        if (l == null || l.id == id || l.id.equals(id)) {
          return l;
        }
      }
    }

    /** Adds {@code l}; false if there is a layer with its id already. */
    boolean add(Layer l) {
      int mask = byId.length - 1;
      int i = slot(l.id, mask);
      for (Layer there = byId[i]; there != null; there = byId[i]) {
        if (there.id.equals(l.id)) {
          return false;
        }
        i = (i + 1) & mask;
      }
      byId[i] = l;
      order.add(l);
      if (order.size() * 2 > byId.length) {
        Layer[] old = byId;
        byId = new Layer[old.length * 2];
        mask = byId.length - 1;
        for (Layer o : old) {
          if (o != null) {
            int j = slot(o.id, mask);
            while (byId[j] != null) {
              j = (j + 1) & mask;
            }
            byId[j] = o;
          }
        }
      }
      return true;
    }

    void addEdge(String fromLayer, String fromPort, String toLayer, String toPort) {
      int at = edgeCount * 4;
      if (at == edges.length) {
        edges = Arrays.copyOf(edges, at * 2);
      }
      edges[at] = fromLayer;
      edges[at + 1] = fromPort;
      edges[at + 2] = toLayer;
      edges[at + 3] = toPort;
      edgeCount++;
    }
  }

  /**
   * The name of the layer whose start tag begins at byte {@code at} of {@code file}, read again
   * (only for a message); "?" if it cannot be read there any more.
   */
  private static String nameAt(Path file, long at) {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(at);
      XmlScanner tag = new XmlScanner(in);
      if (tag.next() == XmlScanner.START) {
        return attr(tag, "name");
      }
    } catch (IOException | XmlScanner.NotWellFormed | RuntimeException e) {
      // the file changed since it was checked: the message says so with the "?"
    }
    return "?";
  }

  /** What the check needs of an XML reader: the starts and ends of elements, with attributes. */
  interface XmlEvents {
    /** {@link XmlScanner#START}, {@link XmlScanner#END} or, at the end, {@link XmlScanner#DONE}. */
    int next() throws IOException, XmlScanner.NotWellFormed;

    /** The element's name, interned ({@link String#intern}): the check compares names with {@code ==}. */
    String name();

    /** The current start tag's attribute, or null. */
    String attribute(String name);

    int attributeCount();

    /** Where the current start tag's {@code <} is in the input, in bytes from its start, or -1 if not known. */
    long offset();

    String attributeName(int i);

    String attributeValue(int i);
  }

  /**
   * Checks {@code xml}; throws naming the file and the first problem found. UTF-8 (as OpenVINO
   * writes IR) is read by {@link XmlScanner}; a file that starts like UTF-16 or UTF-32 by the JDK's
   * StAX reader.
   */
  static void check(Path xml) throws OpenVinoException {
    String problem;
    try {
      problem = problem(xml);
    } catch (IOException e) {
      throw new OpenVinoException(OpenVinoException.Kind.READ, "cannot read model " + xml + ": " + e.getMessage());
    }
    if (problem != null) {
      throw refused(xml, problem);
    }
  }

  /**
   * The first problem found in {@code xml}, as {@link #check} words it after the file's name, or
   * null if there is none.
   *
   * @throws IOException the file cannot be read
   */
  static String problem(Path xml) throws IOException {
    try (InputStream in = Files.newInputStream(xml)) {
      if (utf8(xml)) {
        walk(new XmlScanner(in, Files.size(xml)), xml);
      } else {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own: no service lookup
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader r = factory.createXMLStreamReader(in);
        try {
          walk(new StaxEvents(r), xml);
        } finally {
          r.close();
        }
      }
      return null;
    } catch (XMLStreamException e) {
      return "not well-formed XML" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber());
    } catch (XmlScanner.NotWellFormed e) {
      return "not well-formed XML: " + e.getMessage();
    } catch (UncheckedXml e) {
      return "not well-formed XML at line " + e.line;
    } catch (Problem p) {
      return p.getMessage();
    }
  }

  /** False for a file whose first bytes are those of UTF-16 or UTF-32 (a byte order mark or a 0 byte). */
  private static boolean utf8(Path xml) throws IOException {
    try (InputStream in = Files.newInputStream(xml)) {
      byte[] head = in.readNBytes(4);
      if (head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
          || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) {
        return false;
      }
      for (byte b : head) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** StAX's errors, carried out of the event adapter. */
  private static final class UncheckedXml extends RuntimeException {
    final int line;

    UncheckedXml(XMLStreamException e) {
      super(e.getMessage(), e, false, false);
      this.line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
    }
  }

  /** The JDK's StAX reader as {@link XmlEvents}. */
  private static final class StaxEvents implements XmlEvents {
    private final XMLStreamReader r;

    StaxEvents(XMLStreamReader r) {
      this.r = r;
    }

    @Override
    public int next() {
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            return XmlScanner.START;
          } else if (event == XmlScanner.END) {
            return XmlScanner.END;
          }
        }
        return XmlScanner.DONE;
      } catch (XMLStreamException e) {
        throw new UncheckedXml(e);
      }
    }

    @Override
    public String name() {
      return r.getLocalName().intern();
    }

    @Override
    public String attribute(String name) {
      return r.getAttributeValue(null, name);
    }

    @Override
    public int attributeCount() {
      return r.getAttributeCount();
    }

    @Override
    public long offset() {
      return -1; // StAX counts characters: the check keeps the layers' names
    }

    @Override
    public String attributeName(int i) {
      return r.getAttributeLocalName(i);
    }

    @Override
    public String attributeValue(int i) {
      return r.getAttributeValue(i);
    }
  }

  /** The error {@link #check} throws for {@code xml} and the {@link #problem} {@code why}. */
  static OpenVinoException refused(Path xml, String why) {
    return new OpenVinoException(OpenVinoException.Kind.READ, "cannot read model " + xml + ": " + why);
  }

  /** A structural problem; becomes an {@link OpenVinoException}. */
  private static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private static void walk(XmlEvents r, Path file) throws IOException, XmlScanner.NotWellFormed {
    // the loop only calls: a JIT compiles a method after a few hundred calls, a loop's body only
    // after tens of thousands of turns, and the check runs once in a fresh JVM
    Walk w = new Walk(file);
    for (int event = r.next(); event != XmlScanner.DONE; event = r.next()) {
      if (event == XmlScanner.START) {
        w.start(r);
      } else if (event == XmlScanner.END) {
        w.end();
      }
    }
    w.finish();
  }

  /** What the walk over the elements knows at each point. */
  private static final class Walk {
    private final Path file;
    /** The open elements' names; the open graphs and layers (innermost last). */
    private String[] path = new String[32];
    private int depth;
    private Graph[] graphs = new Graph[4];
    private int graphCount;
    private Layer[] layers = new Layer[4];
    private int layerCount;

    Walk(Path file) {
      this.file = file;
    }

    void start(XmlEvents r) {
      String name = r.name(); // interned: compared with ==
      String parent = depth == 0 ? null : path[depth - 1];
      if (depth == path.length) {
        path = Arrays.copyOf(path, depth * 2);
      }
      path[depth++] = name;
      if (name == "layers") {
        if (graphCount == graphs.length) {
          graphs = Arrays.copyOf(graphs, graphCount * 2);
        }
        graphs[graphCount++] = new Graph(depth - 1, layerCount == 0 ? null : layers[layerCount - 1], file);
      } else if (name == "layer" && parent == "layers" && graphCount > 0) {
        layer(r);
      } else if (name == "data" && parent == "layer" && layerCount > 0
          && layers[layerCount - 1].requires != null) { // only these layers' data is checked
        Layer l = layers[layerCount - 1];
        l.required = null; // the last <data> counts
        for (int i = 0; i < r.attributeCount(); i++) {
          if (r.attributeName(i).equals(l.requires)) {
            l.required = r.attributeValue(i);
          }
        }
      } else if (name == "port" && layerCount > 0 && (parent == "input" || parent == "output")
          && depth >= 3 && path[depth - 3] == "layer") { // a port directly in a layer's input or output
        Layer l = layers[layerCount - 1];
        String id = attr(r, "id");
        if (id.isEmpty() || l.port(id) >= 0) {
          throw new Problem(l.describe(file) + " has a port without id or two ports with the id " + id);
        }
        l.addPort(id, parent == "output");
      } else if (name == "edge" && parent == "edges" && graphCount > 0) {
        graphs[graphCount - 1].addEdge(attr(r, "from-layer"), attr(r, "from-port"), attr(r, "to-layer"), attr(r, "to-port"));
      }
    }

    private void layer(XmlEvents r) {
      // the names of tens of thousands of layers are not kept: a message reads its layer's again
      long at = r.offset();
      Graph g = graphs[graphCount - 1];
      Layer l = new Layer(g, attr(r, "id"), attr(r, "type"), at < 0 ? attr(r, "name") : null, at);
      if (l.id.isEmpty() || l.type.isEmpty()) {
        throw new Problem("a layer in " + g.where() + " has no id or no type");
      }
      if (!g.add(l)) {
        throw new Problem("two layers in " + g.where() + " have the id " + l.id);
      }
      if (layerCount == layers.length) {
        layers = Arrays.copyOf(layers, layerCount * 2);
      }
      layers[layerCount++] = l;
    }

    void end() {
      int ended = depth;
      String name = path[--depth];
      if (name == "layer" && layerCount > 0 && depth > 0 && path[depth - 1] == "layers") {
        layers[--layerCount] = null;
      }
      // a graph's layers and edges are both children of one element: check it when that ends
      if (graphCount > 0 && graphs[graphCount - 1].depth == ended) {
        validate(graphs[--graphCount]);
        graphs[graphCount] = null;
      }
    }

    void finish() {
      while (graphCount > 0) {
        validate(graphs[--graphCount]);
      }
    }
  }

  /** The attribute's value without surrounding white space, or "". */
  private static String attr(XmlEvents r, String name) {
    String v = r.attribute(name);
    if (v == null || v.isEmpty()) {
      return "";
    }
    char head = v.charAt(0);
    char tail = v.charAt(v.length() - 1);
    // the usual case, at once: printable ASCII at both ends is not white space
    return head > ' ' && head < 0x7f && tail > ' ' && tail < 0x7f ? v : v.strip();
  }

  private static String edge(String[] e, int at, Graph g) {
    return "the edge " + e[at] + ":" + e[at + 1] + " -> " + e[at + 2] + ":" + e[at + 3] + " in " + g.where();
  }

  private static void validate(Graph g) {
    // messages are built only for a problem; the loops only call (see walk)
    for (int at = 0; at < g.edgeCount * 4; at += 4) {
      edge(g, at);
    }
    for (Layer l : g.order) {
      inputs(g, l);
    }
  }

  /** Checks the edge at {@code at} in {@code g.edges}. */
  private static void edge(Graph g, int at) {
    String[] e = g.edges;
    Layer from = g.layer(e[at]);
    Layer to = g.layer(e[at + 2]);
    if (from == null || to == null) {
      throw new Problem(edge(e, at, g) + " names a layer that does not exist");
    }
    if (!from.isOutput(from.port(e[at + 1]))) {
      throw new Problem(edge(e, at, g) + " leaves from port " + e[at + 1] + ", which is not an output of "
          + from.describe(g.file));
    }
    int port = to.port(e[at + 3]);
    if (!to.isInput(port)) {
      throw new Problem(edge(e, at, g) + " enters port " + e[at + 3] + ", which is not an input of " + to.describe(g.file));
    }
    if (!to.feed(port)) {
      throw new Problem("input port " + e[at + 3] + " of " + to.describe(g.file) + " has two edges");
    }
  }

  /** Checks a layer's inputs and attributes, after the edges. */
  private static void inputs(Graph g, Layer l) {
    if (l.fedCount != l.inputCount) { // every fed port is an input: some input is not fed
      for (int i = 0; i < l.portCount; i++) {
        if (l.flags(i) == 0) { // an input without an edge
          throw new Problem("input port " + l.portId(i) + " of " + l.describe(g.file) + " has no edge");
        }
      }
    }
    if (l.inputCount == 0 && !SOURCES.contains(l.type)) {
      throw new Problem(l.describe(g.file) + " has no inputs");
    }
    Integer min = MIN_INPUTS.get(l.type);
    if (min != null && l.inputCount < min) {
      throw new Problem(l.describe(g.file) + " has " + l.inputCount + " input(s), but needs at least " + min);
    }
    if (l.requires != null && (l.required == null || l.required.isBlank())) {
      throw new Problem(l.describe(g.file) + " has no '" + l.requires + "' attribute");
    }
  }
}
