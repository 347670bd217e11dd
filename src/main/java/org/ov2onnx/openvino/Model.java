package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ov2onnx.openvino.internal.NativeHandle;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_model;

/**
 * A model as OpenVINO's reader built it ({@code ov::Model}), seen read-only: its nodes in
 * topological order, their attributes, ports and constant data.
 *
 * <p>Close it when done; closing twice is harmless, and a closed model's nodes throw {@link
 * IllegalStateException}. Closing releases the weights file's mapping and handle at once, not when
 * the garbage collector runs: constant views taken from it ({@link Node#constant()}) are valid
 * while it is open, and afterwards read zeros instead of the weights (never freed memory).
 */
public final class Model implements AutoCloseable {
  private final NativeHandle<ovx_model> handle;
  private final String source;
  private List<Node> nodes;

  Model(ovx_model model, String source) {
    this.handle = NativeHandle.own(this, "Model " + source, model, Shim::ovx_model_free);
    this.source = source;
  }

  private volatile boolean graphDropped;

  ovx_model handle() {
    if (graphDropped) {
      throw new IllegalStateException("Model " + source + " is closed (its graph was freed)");
    }
    return handle.get();
  }

  /** Where the model came from: its file, or its parent node for a sub-graph body. */
  public String source() {
    return source;
  }

  /** The model's own name (OpenVINO's friendly name). */
  public String name() throws OpenVinoException {
    return Native.string(Shim.ovx_model_name(handle()), "cannot read the name of " + source);
  }

  /** What a node's type, versionId, name, inputs and outputs report (see {@link Node}). */
  public record NodeSummary(String type, String versionId, String name, List<Node.Source> inputs, List<Port> outputs) {}

  /**
   * Every node's summary, in topological order, read in one native call: the same as asking each
   * {@link Node}, without a crossing into native code per question (which dominates on large graphs).
   */
  public synchronized List<NodeSummary> describe() throws OpenVinoException {
    String ctx = "cannot describe the nodes of " + source;
    long size = Native.count(Shim.ovx_model_describe(handle(), (byte[]) null, 0), ctx);
    byte[] bytes = new byte[Math.toIntExact(size)];
    Native.count(Shim.ovx_model_describe(handle(), bytes, size), ctx);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = Math.toIntExact(b.getLong());
    List<NodeSummary> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String type = string(b);
      String version = string(b);
      String name = string(b);
      int inputCount = Math.toIntExact(b.getLong());
      List<Node.Source> inputs = new ArrayList<>(inputCount);
      for (int k = 0; k < inputCount; k++) {
        inputs.add(new Node.Source(Math.toIntExact(b.getLong()), Math.toIntExact(b.getLong())));
      }
      int outputCount = Math.toIntExact(b.getLong());
      List<Port> outputs = new ArrayList<>(outputCount);
      for (int k = 0; k < outputCount; k++) {
        ElementType elementType = ElementType.fromOvName(string(b));
        long rank = b.getLong();
        long[] minmax = new long[(int) Math.max(0, 2 * rank)];
        for (int d = 0; d < minmax.length; d++) {
          minmax[d] = b.getLong();
        }
        int nameCount = Math.toIntExact(b.getLong());
        List<String> names = new ArrayList<>(nameCount);
        for (int n = 0; n < nameCount; n++) {
          names.add(string(b));
        }
        outputs.add(new Port(names, elementType, PartialShape.decode(rank, minmax, 0), i));
      }
      list.add(new NodeSummary(type, version, name, inputs, outputs));
    }
    return list;
  }

  /** A string of a native description: its byte length (int64), then its UTF-8 bytes. */
  static String string(ByteBuffer b) {
    int length = Math.toIntExact(b.getLong());
    String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
    b.position(b.position() + length);
    return s;
  }

  /** All nodes, in topological order. */
  public synchronized List<Node> nodes() throws OpenVinoException {
    if (nodes == null) {
      long count = Native.count(Shim.ovx_model_node_count(handle()), "cannot count nodes");
      List<Node> list = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        list.add(new Node(this, i));
      }
      nodes = Collections.unmodifiableList(list);
    }
    return nodes;
  }

  public Node node(int index) throws OpenVinoException {
    List<Node> all = nodes();
    if (index < 0 || index >= all.size()) {
      throw new IndexOutOfBoundsException("node " + index + " of " + all.size());
    }
    return all.get(index);
  }

  /** The model's inputs (its Parameters), in order. */
  public List<Port> inputs() throws OpenVinoException {
    long count = Native.count(Shim.ovx_model_input_count(handle()), "cannot count inputs");
    List<Port> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int node = (int) Native.count(Shim.ovx_model_input_node(handle(), i), "input " + i);
      ports.add(node(node).outputPort(0));
    }
    return ports;
  }

  /** The model's outputs (its Results), in order. */
  public List<Port> outputs() throws OpenVinoException {
    long count = Native.count(Shim.ovx_model_output_count(handle()), "cannot count outputs");
    List<Port> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int node = (int) Native.count(Shim.ovx_model_output_node(handle(), i), "output " + i);
      ports.add(node(node).outputPort(0));
    }
    return ports;
  }

  /** Operations by "Type-version" (e.g. {@code Convolution-1}), with their counts, sorted. */
  public Map<String, Integer> operationHistogram() throws OpenVinoException {
    Map<String, Integer> histogram = new TreeMap<>();
    for (Node n : nodes()) {
      histogram.merge(n.type() + "-" + n.version(), 1, Integer::sum);
    }
    return histogram;
  }

  /**
   * Gives input {@code input} a new partial shape and re-infers the model's shapes (OpenVINO's
   * {@code reshape}); e.g. to fix dynamic dimensions before compiling. Node views taken before
   * are invalid afterwards.
   */
  public synchronized void reshape(int input, PartialShape shape) throws OpenVinoException {
    long rank = shape.isRankDynamic() ? -1 : shape.rank();
    long[] minmax = new long[(int) Math.max(0, 2 * rank)];
    for (int d = 0; d < rank; d++) {
      minmax[2 * d] = shape.dims().get(d).min();
      minmax[2 * d + 1] = shape.dims().get(d).max();
    }
    Native.check(
        Shim.ovx_model_reshape(handle(), input, minmax, rank),
        "cannot reshape input " + input + " of " + source + " to " + shape);
    nodes = null;
  }

  /** A deep copy of this model (its constants share their data); close it when done. */
  public Model copy() throws OpenVinoException {
    ovx_model out = new ovx_model();
    Native.check(Shim.ovx_model_clone(handle(), out), "cannot copy " + source);
    return new Model(out, source);
  }

  /**
   * Makes the value with tensor name {@code tensorName} an extra model output. Node indices
   * change: {@link Node} views taken from this model before are invalid afterwards.
   */
  public synchronized void addOutput(String tensorName) throws OpenVinoException {
    Native.check(Shim.ovx_model_add_output(handle(), tensorName), "cannot add output '" + tensorName + "' to " + source);
    nodes = null;
  }

  /** Makes output {@code port} of the node named {@code nodeName} an extra model output. */
  public synchronized void addOutput(String nodeName, int port) throws OpenVinoException {
    Native.check(Shim.ovx_model_add_output_of(handle(), nodeName, port), "cannot add output " + port + " of '" + nodeName + "' to " + source);
    nodes = null;
  }

  /** Gives input {@code input} a new element type and re-infers the model's types. */
  public synchronized void setInputType(int input, ElementType type) throws OpenVinoException {
    Native.check(
        Shim.ovx_model_set_input_type(handle(), input, type.ovName()),
        "cannot give input " + input + " of " + source + " the type " + type);
    nodes = null;
  }

  /** Saves the model as IR with OpenVINO's own {@code save_model}. */
  public void saveIr(Path xml, boolean compressToFp16) throws OpenVinoException {
    Native.check(
        Shim.ovx_model_save(handle(), xml.toString(), compressToFp16 ? 1 : 0),
        "cannot save " + source + " as " + xml);
  }

  /**
   * Whether the model's own rt_info (in IR, the {@code <rt_info>} after the edges) holds {@code
   * path}: keys of nested sections joined by '/', e.g. {@code nncf/weight_compression}, which NNCF
   * writes into the models it compressed.
   */
  public boolean hasRtInfo(String path) throws OpenVinoException {
    int[] out = new int[1];
    Native.check(Shim.ovx_model_has_rt_info(handle(), path, out), "cannot read rt_info '" + path + "' of " + source);
    return out[0] != 0;
  }

  /** Refuses an IR weights file longer than the constants the XML places in it. */
  void checkWeights(Path bin, Path xml) throws OpenVinoException {
    long[] extent = new long[3];
    Native.check(
        Shim.ovx_model_weights_extent(handle(), bin.toString(), extent),
        "cannot check weights file " + bin);
    long used = Math.max(0, extent[0]);
    long size = extent[1];
    boolean exact = extent[2] == 0;
    if (exact && used != size) {
      throw new OpenVinoException(
          OpenVinoException.Kind.READ,
          "weights file "
              + bin
              + " does not belong to "
              + xml
              + ": the model's constants end at byte "
              + used
              + " but the file has "
              + size
              + " bytes");
    }
  }

  boolean isClosed() {
    return handle.isClosed();
  }

  @Override
  public void close() {
    handle.close();
  }

  /**
   * Starts freeing this model's graph on another thread and returns that thread. The constant data
   * taken from it so far ({@link Node#constant()}) stays readable until {@link #close()}, which
   * releases the weights file as always; anything else of this model is closed at once. A converted
   * model's initializers are such data: it can be written while OpenVINO's graph is freed (tens of
   * milliseconds on a large graph).
   */
  public Thread dropGraphInBackground() {
    ovx_model pointer = handle();
    graphDropped = true;
    Thread t = new Thread(() -> Shim.ovx_model_drop_graph(pointer), "ov2onnx-free-graph");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public String toString() {
    return "Model[" + source + (handle.isClosed() ? ", closed]" : "]");
  }

}
