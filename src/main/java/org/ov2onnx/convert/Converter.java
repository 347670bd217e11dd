package org.ov2onnx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.ov2onnx.convert.rewrite.Rewrites;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.OnnxModelWriter;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;

/**
 * Converts OpenVINO models to ONNX: the library's entry point, which the CLI uses too.
 *
 * <pre>{@code
 * ConversionResult r = new Converter().convert(Path.of("model.xml"), Path.of("model.onnx"),
 *     ConvertOptions.defaults().withOpset(17));
 * }</pre>
 *
 * <p>OpenVINO's reader loads the model; each node, in topological order, is converted by the
 * registered converter for its (type, version). All unsupported operations are reported at once,
 * before anything is written. The output is written atomically and never over an input.
 */
public final class Converter {
  public static final int MIN_OPSET = 13;
  public static final int DEFAULT_OPSET = 17;
  public static final int MAX_OPSET = 21;

  private final ConverterRegistry registry;

  public Converter() {
    this(ConverterRegistry.withProviders());
  }

  public Converter(ConverterRegistry registry) {
    this.registry = registry;
  }

  /** This converter's version, e.g. {@code 0.1.0}. */
  public static String version() {
    try (InputStream in = Converter.class.getResourceAsStream("/org/ov2onnx/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }

  /**
   * Reads {@code model} with OpenVINO and writes its ONNX form to {@code output} (and, with external
   * data, {@code output + ".data"}).
   *
   * @throws OpenVinoException the model cannot be read
   * @throws UnsupportedOperationsException some operations cannot be converted (nothing is written)
   * @throws ConversionException another conversion failure naming the node (nothing is written)
   * @throws IOException the output cannot be written (nothing is left behind)
   */
  public ConversionResult convert(Path model, Path output, ConvertOptions options)
      throws OpenVinoException, ConversionException, IOException {
    refuseOverwritingInputs(model, options.weights(), output);
    try (Core core = Core.create();
        Model m = core.readModel(model, options.weights())) {
      applyInputs(m, options.inputs());
      try (Conversion c = toOnnx(m, options, model.getFileName().toString())) {
        // the initializers are views of the constants' data, which stay readable until the model
        // is closed: OpenVINO's graph is freed on the other core while they are written
        Thread freeing = m.dropGraphInBackground();
        OnnxModelWriter.Written w;
        try {
          w = OnnxModelWriter.write(c.model, output, options.externalData(), options.progress());
        } finally {
          joinUninterruptibly(freeing);
        }
        return new ConversionResult(
            w.model(), w.data(), options.opset(), c.sourceNodes, c.model.getGraph().getNodeCount(),
            c.model.getGraph().getInitializerCount(), c.weightBytes, c.customOps, c.operations);
      }
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A converted model in memory; its initializers may still refer to OpenVINO's memory, and to
   * sub-graph bodies that stay open until {@link #close()}.
   */
  public record Conversion(
      ModelProto.Builder model, int sourceNodes, long weightBytes, int customOps, Map<String, Integer> operations,
      List<AutoCloseable> resources) implements AutoCloseable {
    public Conversion(
        ModelProto.Builder model, int sourceNodes, long weightBytes, int customOps, Map<String, Integer> operations) {
      this(model, sourceNodes, weightBytes, customOps, operations, List.of());
    }

    /** Releases the sub-graph bodies the conversion opened (after the model is written). */
    @Override
    public void close() {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          // closing a model handle does not fail in practice; nothing to recover
        }
      }
    }
  }

  /**
   * Converts an already read model: read → index → graph-level rewrites → per-node converters →
   * assembly. The result's initializers are views of the model's constant data: serialize it
   * before the model is closed (closed, the views read zeros), then close the result.
   */
  public Conversion toOnnx(Model model, ConvertOptions options, String sourceName)
      throws OpenVinoException, ConversionException {
    int opset = options.opset();
    Set<String> names = new HashSet<>();
    List<AutoCloseable> resources = new ArrayList<>();
    GraphIndex index = new GraphIndex(model, names, true, resources);
    GraphConversion conversion = new GraphConversion(registry, options, Rewrites.forOptions(options, model));
    List<UnsupportedOperationsException.Unsupported> unsupported =
        findUnsupported(index, conversion.unclaimed(index), opset);
    if (!unsupported.isEmpty() && !options.allowCustomOps()) {
      throw new UnsupportedOperationsException(unsupported, opset);
    }
    GraphAssembly graph = new GraphAssembly(opset, names);
    graph.setBodyConverter(conversion);
    graph.setDequantize(options.dequantize());
    conversion.convertNodes(index, graph, true);
    conversion.throwRefusals();
    List<String> inputOrder = new ArrayList<>();
    List<String> outputOrder = new ArrayList<>();
    for (Port in : model.inputs()) {
      inputOrder.add(index.valueName(in.node(), 0));
    }
    for (Port out : model.outputs()) {
      NodeViewImpl result = new NodeViewImpl(index, out.node());
      graph.startNode(result.name());
      outputOrder.add(graph.graphOutput(result.input(0), result.name(), result.inputType(0), result.inputShape(0)));
    }
    GraphProto g = graph.build(model.name(), inputOrder, outputOrder);
    ModelProto.Builder m = modelProto(g, graph, options, sourceName);
    return new Conversion(m, index.nodeCount(), weightBytes(g), conversion.customOps, conversion.operations(), resources);
  }

  private static long weightBytes(GraphProto g) {
    long bytes = 0;
    for (TensorProto t : g.getInitializerList()) {
      bytes += t.getRawData().size();
    }
    return bytes;
  }

  private static ModelProto.Builder modelProto(GraphProto g, GraphAssembly graph, ConvertOptions options, String sourceName) {
    int opset = options.opset();
    ModelProto.Builder m =
        ModelProto.newBuilder()
            .setIrVersion(Math.max(OnnxTypes.irVersion(opset), OnnxTypes.irVersion(graph.minOpsetUsed())))
            .setProducerName("ov2onnx")
            .setProducerVersion(version())
            .setGraph(g)
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
    for (Map.Entry<String, Integer> d : graph.domains().entrySet()) {
      m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(d.getKey()).setVersion(d.getValue()));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("ov2onnx.source_model", sourceName);
    meta.put("ov2onnx.openvino_version", Core.version());
    meta.put("ov2onnx.converter", "ov2onnx " + version());
    if (!options.inputs().isEmpty()) {
      meta.put("ov2onnx.input_overrides", options.inputs().toString());
    }
    meta.putAll(graph.metadata());
    for (Map.Entry<String, String> e : meta.entrySet()) {
      m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
    }
    return m;
  }

  /** "needs `--opset 21`", or, past what ov2onnx writes, "needs ONNX opset 23 (ov2onnx writes up to 21)". */
  static String needsOpset(int opset) {
    return opset <= MAX_OPSET ? "needs `--opset " + opset + "`" : "needs ONNX opset " + opset + " (ov2onnx writes up to " + MAX_OPSET + ")";
  }

  private List<UnsupportedOperationsException.Unsupported> findUnsupported(
      GraphIndex index, boolean[] unclaimed, int opset) {
    Map<String, List<String>> nodes = new TreeMap<>();
    Map<String, String> reasons = new TreeMap<>();
    Map<String, String[]> keys = new TreeMap<>();
    for (int i = 0; i < index.nodes.size(); i++) {
      NodeViewImpl view = new NodeViewImpl(index, i);
      String type = view.type();
      if (type.equals("Result") || !unclaimed[i]) {
        continue;
      }
      String reason = unsupportedReason(registry, view, opset);
      if (reason != null) {
        if (reason.startsWith("ONNX has no element type") || reason.startsWith("element type")) {
          type = type + "(" + view.outputType(0) + ")";
        }
        String key = type + "-" + view.version();
        nodes.computeIfAbsent(key, k -> new ArrayList<>()).add(view.name());
        reasons.put(key, reason);
        keys.put(key, new String[] {type, Integer.toString(view.version())});
      }
    }
    List<UnsupportedOperationsException.Unsupported> list = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : nodes.entrySet()) {
      List<String> names = e.getValue();
      String[] k = keys.get(e.getKey());
      list.add(new UnsupportedOperationsException.Unsupported(
          k[0], Integer.parseInt(k[1]), names.size(), List.copyOf(names.subList(0, Math.min(5, names.size()))),
          reasons.get(e.getKey())));
    }
    return list;
  }

  /** Why the registry cannot convert this node at {@code opset}, or null if it can. */
  static String unsupportedReason(ConverterRegistry registry, NodeViewImpl view, int opset) {
    var entry = registry.find(view.type(), view.version());
    if (entry.isEmpty()) {
      return registry.refusal(view.type(), view.version()).map(r -> "refused: " + r.reason()).orElse("no converter");
    } else if (entry.get().minOpset() > opset) {
      return needsOpset(entry.get().minOpset());
    } else if (!constantSupported(view, opset)) {
      ElementType t = view.outputType(0);
      return OnnxTypes.toOnnx(t) == null
          ? "ONNX has no element type " + t
          : "element type " + t + " " + needsOpset(OnnxTypes.minOpset(t));
    }
    return null;
  }

  /** Constants of an element type ONNX lacks (or lacks at this opset) cannot be initializers. */
  static boolean constantSupported(NodeViewImpl view, int opset) {
    if (!view.type().equals("Constant")) {
      return true;
    }
    ElementType t = view.outputType(0);
    return OnnxTypes.toOnnx(t) != null && OnnxTypes.minOpset(t) <= opset;
  }

  /**
   * The ONNX value name the conversion gives each output of each node: [node index][port], in the
   * model's topological order. Verification uses it to pair intermediate tensors.
   */
  public static String[][] valueNames(Model model) throws OpenVinoException {
    GraphIndex index = new GraphIndex(model);
    return index.valueNames.toArray(new String[0][]);
  }

  /** Applies --input overrides: shapes through OpenVINO's reshape, types on the Parameters. */
  public static void applyInputs(Model model, List<InputSpec> specs) throws OpenVinoException, ConversionException {
    List<Port> inputs = model.inputs();
    for (InputSpec spec : specs) {
      int index = -1;
      if (spec.name().isEmpty()) {
        if (inputs.size() != 1) {
          throw new InvalidInputSpecException(
              "--input '" + spec + "' has no name, but the model has " + inputs.size() + " inputs");
        }
        index = 0;
      } else {
        for (int i = 0; i < inputs.size(); i++) {
          if (inputs.get(i).names().contains(spec.name())) {
            index = i;
          }
        }
      }
      if (index < 0) {
        List<String> known = new ArrayList<>();
        inputs.forEach(p -> known.add(p.name()));
        throw new InvalidInputSpecException(
            "--input names '" + spec.name() + "', which is not an input of the model (inputs: " + String.join(", ", known) + ")");
      }
      if (spec.type() != null) {
        model.setInputType(index, spec.type());
      }
      if (spec.shape() != null) {
        model.reshape(index, spec.shape());
      }
    }
  }

  private static void refuseOverwritingInputs(Path model, Path weights, Path output) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    List<Path> inputs = new ArrayList<>();
    inputs.add(model);
    if (weights != null) {
      inputs.add(weights);
    }
    String name = model.getFileName().toString();
    if (name.toLowerCase().endsWith(".xml")) {
      inputs.add(model.resolveSibling(name.substring(0, name.length() - 4) + ".bin"));
    }
    for (Path in : inputs) {
      Path p = in.toAbsolutePath().normalize();
      boolean same = p.equals(out) || p.equals(out.resolveSibling(out.getFileName() + ".data"));
      if (!same && Files.exists(p) && Files.exists(out)) {
        same = Files.isSameFile(p, out);
      }
      if (same) {
        throw new IOException("refusing to overwrite the input " + in + " with the output");
      }
    }
  }
}
