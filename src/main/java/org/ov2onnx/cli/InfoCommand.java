package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ov2onnx.util.Json;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Port;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx info MODEL}: inputs, outputs and operations of a model, as OpenVINO reads it. */
@Command(
    name = "info",
    description = "Show a model's inputs, outputs and operations, as OpenVINO's reader sees it.")
final class InfoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "IR .xml, .onnx, .pb, SavedModel folder, .tflite or .pdmodel.")
  Path model;

  @Option(names = {"-w", "--weights"}, paramLabel = "WEIGHTS", description = "Weights file (IR: the .bin; default: next to the XML).")
  Path weights;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = {"-d", "--device"},
      paramLabel = "DEVICE",
      description = "Also compile the model on this device (e.g. CPU, GPU, AUTO) and report it.")
  String device;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Core core = Core.create();
        Model m = core.readModel(model, weights)) {
      List<Port> inputs = m.inputs();
      List<Port> outputs = m.outputs();
      Map<String, Integer> ops = m.operationHistogram();
      List<ModelStructure.Variable> variables = ModelStructure.variables(m);
      List<ModelStructure.Subgraphs> subgraphs = ModelStructure.subgraphs(m);
      String precision = null;
      if (device != null) {
        try (CompiledModel compiled = core.compile(m, device, Map.of())) {
          precision = compiled.property("INFERENCE_PRECISION_HINT");
        }
      }
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        doc.put("name", m.name());
        doc.put("openvino_version", Core.version());
        doc.put("inputs", ports(inputs));
        doc.put("outputs", ports(outputs));
        doc.put("node_count", m.nodes().size());
        doc.put("operations", ops);
        doc.put("variables", ModelStructure.variablesJson(variables));
        doc.put("subgraphs", ModelStructure.subgraphsJson(subgraphs));
        if (device != null) {
          doc.put("compiled", Map.of("device", device, "inference_precision", precision));
        }
        out.println(Json.write(doc));
        return ExitCodes.OK;
      }
      out.println("Model:    " + model + " (" + m.name() + ")");
      out.println("OpenVINO: " + Core.version());
      out.println("Inputs:");
      for (Port p : inputs) {
        out.println("  " + describe(p));
      }
      out.println("Outputs:");
      for (Port p : outputs) {
        out.println("  " + describe(p));
      }
      out.println("Operations (" + m.nodes().size() + " nodes):");
      int width = ops.keySet().stream().mapToInt(String::length).max().orElse(4);
      for (Map.Entry<String, Integer> e : ops.entrySet()) {
        out.printf("  %-" + width + "s %5d%n", e.getKey(), e.getValue());
      }
      if (!variables.isEmpty()) {
        ModelStructure.printVariables(out, variables);
      }
      if (!subgraphs.isEmpty()) {
        out.println("Sub-graphs:");
        ModelStructure.printSubgraphs(out, subgraphs, "  ");
      }
      if (device != null) {
        out.println("Compiled on " + device + " (inference precision " + precision + ")");
      }
    }
    return ExitCodes.OK;
  }

  private static String describe(Port p) {
    String names = p.names().isEmpty() ? "(unnamed)" : String.join(", ", p.names());
    return names + "  " + p.type() + " " + p.shape();
  }

  private static List<Object> ports(List<Port> ports) {
    List<Object> list = new ArrayList<>();
    for (Port p : ports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("names", p.names());
      m.put("element_type", p.type().ovName());
      m.put("shape", p.shape().toString());
      list.add(m);
    }
    return list;
  }
}
