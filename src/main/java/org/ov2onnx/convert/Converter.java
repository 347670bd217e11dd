package org.ov2onnx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.OnnxModelWriter;
import org.ov2onnx.onnx.OnnxTypes;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ConstantData;
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
      Conversion c = toOnnx(m, options, model.getFileName().toString());
      OnnxModelWriter.Written w = OnnxModelWriter.write(c.model, output, options.externalData(), options.progress());
      return new ConversionResult(
          w.model(), w.data(), options.opset(), c.sourceNodes, c.model.getGraph().getNodeCount(),
          c.model.getGraph().getInitializerCount(), c.weightBytes, c.customOps, c.operations);
    }
  }

  /** A converted model in memory; its initializers may still refer to OpenVINO's memory. */
  public record Conversion(
      ModelProto.Builder model, int sourceNodes, long weightBytes, int customOps, Map<String, Integer> operations) {}

  /**
   * Converts an already read model. The result's initializers are views of the model's constant
   * data: serialize it before the model is closed (closed, the views read zeros).
   */
  public Conversion toOnnx(Model model, ConvertOptions options, String sourceName)
      throws OpenVinoException, ConversionException {
    int opset = options.opset();
    GraphIndex index = new GraphIndex(model);
    List<UnsupportedOperationsException.Unsupported> unsupported = findUnsupported(index, opset);
    if (!unsupported.isEmpty() && !options.allowCustomOps()) {
      throw new UnsupportedOperationsException(unsupported, opset);
    }
    GraphAssembly graph = new GraphAssembly(opset);
    int n = index.nodes.size();
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < index.outputs.get(i).size(); p++) {
        graph.reserve(index.valueName(i, p));
      }
    }
    boolean[] folded = options.upcastFp16() ? findFp16Decompression(index) : new boolean[n];
    int customOps = 0;
    Map<String, Integer> operations = new TreeMap<>();
    // variants a converter refuses are collected too, so that all problems are reported at once
    Map<String, List<String>> refusedNodes = new TreeMap<>();
    Map<String, String> refusedReasons = new TreeMap<>();
    Map<String, NodeViewImpl> refusedViews = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      NodeViewImpl view = new NodeViewImpl(index, i);
      operations.merge(view.type() + "-" + view.version(), 1, Integer::sum);
      graph.startNode(view.name());
      try {
        if (folded[i]) {
          upcast(view, graph);
        } else if (view.type().equals("Result")) {
          // graph outputs are declared below, in the model's output order
        } else {
          var entry = registry.find(view.type(), view.version());
          if (entry.isPresent() && entry.get().minOpset() <= opset && constantSupported(view, opset)) {
            entry.get().converter().convert(view, graph);
          } else {
            CustomOpConverter.convert(view, graph);
            customOps++;
          }
        }
      } catch (ConversionException e) {
        String reason = e.getMessage().replaceFirst("^node '.*?' \\([^)]*\\): ", "");
        String key = view.type() + "-" + view.version() + "\u0000" + reason;
        refusedNodes.computeIfAbsent(key, k -> new ArrayList<>()).add(view.name());
        refusedReasons.put(key, reason);
        refusedViews.putIfAbsent(key, view);
        continue;
      } catch (RuntimeException e) {
        throw new IllegalStateException("converting node " + view.describe() + " failed: " + e, e);
      }
      for (int p = 0; p < view.outputCount(); p++) {
        if (index.isUsed(i, p) && !graph.isProduced(view.output(p))) {
          throw view.error("its converter did not produce output " + p + " ('" + view.output(p) + "')");
        }
      }
      options.progress().update("converting", i + 1, n);
    }
    if (!refusedNodes.isEmpty()) {
      if (refusedNodes.size() == 1 && refusedNodes.values().iterator().next().size() == 1) {
        String key = refusedNodes.keySet().iterator().next();
        throw refusedViews.get(key).error(refusedReasons.get(key));
      }
      List<UnsupportedOperationsException.Unsupported> list = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : refusedNodes.entrySet()) {
        NodeViewImpl v = refusedViews.get(e.getKey());
        List<String> names = e.getValue();
        list.add(new UnsupportedOperationsException.Unsupported(v.type(), v.version(), names.size(),
            List.copyOf(names.subList(0, Math.min(5, names.size()))), refusedReasons.get(e.getKey())));
      }
      throw new UnsupportedOperationsException(list, opset);
    }
    for (Port out : model.outputs()) {
      NodeViewImpl result = new NodeViewImpl(index, out.node());
      graph.startNode(result.name());
      graph.graphOutput(result.input(0), result.name(), result.inputType(0), result.inputShape(0));
    }
    List<String> inputOrder = new ArrayList<>();
    for (Port in : model.inputs()) {
      inputOrder.add(index.valueName(in.node(), 0));
    }
    GraphProto g = graph.build(model.name(), inputOrder);
    long weightBytes = 0;
    for (TensorProto t : g.getInitializerList()) {
      weightBytes += t.getRawData().size();
    }
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
    for (Map.Entry<String, String> e : meta.entrySet()) {
      m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
    }
    return new Conversion(m, n, weightBytes, customOps, operations);
  }

  private List<UnsupportedOperationsException.Unsupported> findUnsupported(GraphIndex index, int opset)
      throws ConversionException {
    Map<String, List<String>> nodes = new TreeMap<>();
    Map<String, String> reasons = new TreeMap<>();
    Map<String, String[]> keys = new TreeMap<>();
    for (int i = 0; i < index.nodes.size(); i++) {
      NodeViewImpl view = new NodeViewImpl(index, i);
      String type = view.type();
      if (type.equals("Result")) {
        continue;
      }
      String reason = null;
      var entry = registry.find(type, view.version());
      if (entry.isEmpty()) {
        reason = "no converter";
      } else if (entry.get().minOpset() > opset) {
        reason = "needs opset " + entry.get().minOpset();
      } else if (!constantSupported(view, opset)) {
        ElementType t = view.outputType(0);
        reason =
            OnnxTypes.toOnnx(t) == null
                ? "ONNX has no element type " + t
                : "element type " + t + " needs opset " + OnnxTypes.minOpset(t);
        type = type + "(" + t + ")";
      }
      if (reason != null) {
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

  /** Constants of an element type ONNX lacks (or lacks at this opset) cannot be initializers. */
  private static boolean constantSupported(NodeViewImpl view, int opset) {
    if (!view.type().equals("Constant")) {
      return true;
    }
    ElementType t = view.outputType(0);
    return OnnxTypes.toOnnx(t) != null && OnnxTypes.minOpset(t) <= opset;
  }

  /** Convert nodes that decompress an f16 Constant (OpenVINO's FP16 weight compression). */
  private static boolean[] findFp16Decompression(GraphIndex index) {
    boolean[] folded = new boolean[index.nodes.size()];
    for (int i = 0; i < folded.length; i++) {
      if (!index.types.get(i).equals("Convert") || index.sources.get(i).size() != 1) {
        continue;
      }
      var src = index.sources.get(i).get(0);
      boolean fromF16Constant =
          index.types.get(src.node()).equals("Constant")
              && index.outputs.get(src.node()).get(0).type() == ElementType.F16;
      folded[i] = fromF16Constant && index.outputs.get(i).get(0).type() == ElementType.F32;
    }
    return folded;
  }

  /** Replaces f16 Constant → Convert(f32) by one f32 initializer (outside the Java heap). */
  private static void upcast(NodeViewImpl view, GraphAssembly graph) throws ConversionException {
    ConstantData half = view.constantInput(0).orElseThrow();
    ByteBuffer in = half.bytes();
    int count = (int) half.elementCount();
    ByteBuffer out = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < count; k++) {
      out.putFloat(TensorBytes.fromF16(in.getShort()));
    }
    out.flip();
    graph.initializer(view.output(0), ElementType.F32, half.shape(), out);
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
