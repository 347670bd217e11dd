package org.ov2onnx.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    final String name;
    final Ports inputs = new Ports();
    final Ports outputs = new Ports();
    /** The input ports an edge feeds. */
    final Ports fed = new Ports();
    Map<String, String> data = Map.of();

    Layer(String id, String type, String name) {
      this.id = id;
      this.type = type;
      this.name = name;
    }

    String describe() {
      return "layer '" + name + "' (id " + id + ", " + type + ")";
    }
  }

  /**
   * A layer's port ids, in order: a list while short (most layers have a few ports, and a conversion
   * checks tens of thousands of layers), indexed by a hash set once long.
   */
  private static final class Ports implements Iterable<String> {
    private final List<String> ids = new ArrayList<>(2);
    private Set<String> index;

    boolean contains(String id) {
      return index != null ? index.contains(id) : ids.contains(id);
    }

    /** Adds {@code id}; false if it is there already. */
    boolean add(String id) {
      if (contains(id)) {
        return false;
      }
      ids.add(id);
      if (index != null) {
        index.add(id);
      } else if (ids.size() > 8) {
        index = new java.util.HashSet<>(ids);
      }
      return true;
    }

    int size() {
      return ids.size();
    }

    boolean isEmpty() {
      return ids.isEmpty();
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return ids.iterator();
    }
  }

  private static final class Graph {
    final int depth;
    final String where;
    final Map<String, Layer> layers = new HashMap<>();
    final List<Layer> order = new ArrayList<>();
    final List<String[]> edges = new ArrayList<>();

    Graph(int depth, String where) {
      this.depth = depth;
      this.where = where;
    }
  }

  /** What the check needs of an XML reader: the starts and ends of elements, with attributes. */
  interface XmlEvents {
    /** {@link XmlScanner#START}, {@link XmlScanner#END} or, at the end, {@link XmlScanner#DONE}. */
    int next() throws IOException, XmlScanner.NotWellFormed;

    String name();

    /** The current start tag's attribute, or null. */
    String attribute(String name);

    int attributeCount();

    String attributeName(int i);

    String attributeValue(int i);
  }

  /**
   * Checks {@code xml}; throws naming the file and the first problem found. UTF-8 (as OpenVINO
   * writes IR) is read by {@link XmlScanner}; a file that starts like UTF-16 or UTF-32 by the JDK's
   * StAX reader.
   */
  static void check(Path xml) throws OpenVinoException {
    try (InputStream in = Files.newInputStream(xml)) {
      if (utf8(xml)) {
        walk(new XmlScanner(in));
      } else {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own: no service lookup
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader r = factory.createXMLStreamReader(in);
        try {
          walk(new StaxEvents(r));
        } finally {
          r.close();
        }
      }
    } catch (XMLStreamException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
      throw refused(xml, "not well-formed XML" + where);
    } catch (XmlScanner.NotWellFormed e) {
      throw refused(xml, "not well-formed XML: " + e.getMessage());
    } catch (UncheckedXml e) {
      throw refused(xml, "not well-formed XML at line " + e.line);
    } catch (IOException e) {
      throw new OpenVinoException(OpenVinoException.Kind.READ, "cannot read model " + xml + ": " + e.getMessage());
    } catch (Problem p) {
      throw refused(xml, p.getMessage());
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
      return r.getLocalName();
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
    public String attributeName(int i) {
      return r.getAttributeLocalName(i);
    }

    @Override
    public String attributeValue(int i) {
      return r.getAttributeValue(i);
    }
  }

  private static OpenVinoException refused(Path xml, String why) {
    return new OpenVinoException(OpenVinoException.Kind.READ, "cannot read model " + xml + ": " + why);
  }

  /** A structural problem; becomes an {@link OpenVinoException}. */
  private static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private static void walk(XmlEvents r) throws IOException, XmlScanner.NotWellFormed {
    Deque<String> path = new ArrayDeque<>();
    Deque<Graph> graphs = new ArrayDeque<>();
    Deque<Layer> layers = new ArrayDeque<>();
    for (int event = r.next(); event != XmlScanner.DONE; event = r.next()) {
      if (event == XmlScanner.START) {
        String name = r.name();
        String parent = path.peek();
        path.push(name);
        int depth = path.size();
        if (name.equals("layers")) {
          String where = layers.isEmpty() ? "the main graph" : "the body of " + layers.peek().describe();
          graphs.push(new Graph(depth - 1, where));
        } else if (name.equals("layer") && "layers".equals(parent) && !graphs.isEmpty()) {
          Layer l = new Layer(attr(r, "id"), attr(r, "type"), attr(r, "name"));
          Graph g = graphs.peek();
          if (l.id.isEmpty() || l.type.isEmpty()) {
            throw new Problem("a layer in " + g.where + " has no id or no type");
          }
          if (g.layers.put(l.id, l) != null) {
            throw new Problem("two layers in " + g.where + " have the id " + l.id);
          }
          g.order.add(l);
          layers.push(l);
        } else if (name.equals("data") && "layer".equals(parent) && !layers.isEmpty()
            && REQUIRED_ATTRIBUTE.containsKey(layers.peek().type)) { // only these layers' data is checked
          Map<String, String> data = new HashMap<>();
          for (int i = 0; i < r.attributeCount(); i++) {
            data.put(r.attributeName(i), r.attributeValue(i));
          }
          layers.peek().data = data;
        } else if (name.equals("port") && !layers.isEmpty() && isPortList(path)) {
          Layer l = layers.peek();
          String id = attr(r, "id");
          boolean fresh = !l.inputs.contains(id) && !l.outputs.contains(id);
          if (id.isEmpty() || !fresh) {
            throw new Problem(l.describe() + " has a port without id or two ports with the id " + id);
          }
          (parent.equals("input") ? l.inputs : l.outputs).add(id);
        } else if (name.equals("edge") && "edges".equals(parent) && !graphs.isEmpty()) {
          graphs.peek().edges.add(new String[] {
            attr(r, "from-layer"), attr(r, "from-port"), attr(r, "to-layer"), attr(r, "to-port")});
        }
      } else if (event == XmlScanner.END) {
        int ended = path.size();
        String name = path.pop();
        if (name.equals("layer") && !layers.isEmpty() && "layers".equals(path.peek())) {
          layers.pop();
        }
        // a graph's layers and edges are both children of one element: check it when that ends
        if (!graphs.isEmpty() && graphs.peek().depth == ended) {
          validate(graphs.pop());
        }
      }
    }
    while (!graphs.isEmpty()) {
      validate(graphs.pop());
    }
  }

  /** A {@code <port>} directly in a layer's {@code <input>} or {@code <output>}. */
  private static boolean isPortList(Deque<String> path) {
    var it = path.iterator();
    it.next(); // "port"
    String list = it.hasNext() ? it.next() : "";
    String layer = it.hasNext() ? it.next() : "";
    return (list.equals("input") || list.equals("output")) && layer.equals("layer");
  }

  private static String attr(XmlEvents r, String name) {
    String v = r.attribute(name);
    return v == null ? "" : v.strip();
  }

  private static String edge(String[] e, Graph g) {
    return "the edge " + e[0] + ":" + e[1] + " -> " + e[2] + ":" + e[3] + " in " + g.where;
  }

  private static void validate(Graph g) {
    // messages are built only for a problem
    for (String[] e : g.edges) {
      Layer from = g.layers.get(e[0]);
      Layer to = g.layers.get(e[2]);
      if (from == null || to == null) {
        throw new Problem(edge(e, g) + " names a layer that does not exist");
      }
      if (!from.outputs.contains(e[1])) {
        throw new Problem(edge(e, g) + " leaves from port " + e[1] + ", which is not an output of " + from.describe());
      }
      if (!to.inputs.contains(e[3])) {
        throw new Problem(edge(e, g) + " enters port " + e[3] + ", which is not an input of " + to.describe());
      }
      if (!to.fed.add(e[3])) {
        throw new Problem("input port " + e[3] + " of " + to.describe() + " has two edges");
      }
    }
    for (Layer l : g.order) {
      if (l.fed.size() != l.inputs.size()) { // every fed port is an input: some input is not fed
        for (String port : l.inputs) {
          if (!l.fed.contains(port)) {
            throw new Problem("input port " + port + " of " + l.describe() + " has no edge");
          }
        }
      }
      if (l.inputs.isEmpty() && !SOURCES.contains(l.type)) {
        throw new Problem(l.describe() + " has no inputs");
      }
      Integer min = MIN_INPUTS.get(l.type);
      if (min != null && l.inputs.size() < min) {
        throw new Problem(l.describe() + " has " + l.inputs.size() + " input(s), but needs at least " + min);
      }
      String required = REQUIRED_ATTRIBUTE.get(l.type);
      if (required != null && l.data.getOrDefault(required, "").isBlank()) {
        throw new Problem(l.describe() + " has no '" + required + "' attribute");
      }
    }
  }
}
