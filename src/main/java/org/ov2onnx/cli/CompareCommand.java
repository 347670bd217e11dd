package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.util.Json;
import org.ov2onnx.verify.DecoderOptions;
import org.ov2onnx.verify.DecoderVerifier;
import org.ov2onnx.verify.InputGenerator;
import org.ov2onnx.verify.OpenVinoRunner;
import org.ov2onnx.verify.OutputMetrics;
import org.ov2onnx.verify.StatefulVerifier;
import org.ov2onnx.verify.TensorValues;
import org.ov2onnx.verify.Tolerance;
import org.ov2onnx.verify.VerifyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx compare MODEL --devices CPU,GPU}: one model on several OpenVINO devices. */
@Command(
    name = "compare",
    description = "Run a model on several OpenVINO devices with the same inputs and compare each against the first. DEVICE alone runs in reference mode; DEVICE:f16 or DEVICE:bf16 with that inference precision.")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Any model OpenVINO reads.")
  Path model;

  @Option(names = {"-w", "--weights"}, paramLabel = "WEIGHTS")
  Path weights;

  @Option(names = "--devices", required = true, split = ",", paramLabel = "DEVICE", description = "Two or more devices, the reference first, e.g. CPU,GPU or CPU,CPU:bf16.")
  List<String> devices;

  @Option(names = "--input", paramLabel = "SPEC", description = "Fix input shapes/types: name[1,3,224,224]{f32}.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N")
  long seed = 2026;

  @Option(names = "--atol", paramLabel = "VALUE", description = "Absolute tolerance (default: by element type).")
  Double atol;

  @Option(names = "--rtol", paramLabel = "VALUE", description = "Relative tolerance (default: by element type).")
  Double rtol;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report here.")
  Path report;

  @Option(names = "--steps", paramLabel = "N", description = "Stateful models (ReadValue/Assign): run N steps of random inputs on one infer request"
      + " per device, the state kept inside (default: " + StatefulVerifier.DEFAULT_STEPS + "; a decoder runs --decode-steps instead).")
  Integer steps;

  @CommandLine.Mixin DecoderFlags decoder;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (steps != null && steps < 1) {
      throw new CliException(ExitCodes.USAGE, "--steps must be at least 1");
    }
    int stepCount = steps == null ? StatefulVerifier.DEFAULT_STEPS : steps;
    DecoderOptions decoding = decoder.options(steps != null);
    if (devices.size() < 2) {
      throw new CliException(ExitCodes.USAGE, "--devices needs at least two devices, the reference first");
    }
    List<OpenVinoRunner.DeviceSpec> specs = new ArrayList<>();
    for (String d : devices) {
      specs.add(OpenVinoRunner.DeviceSpec.parse(d));
    }
    List<InputSpec> overrides = new ArrayList<>();
    for (String text : inputs) {
      try {
        overrides.addAll(InputSpec.parseAll(text));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, "--input: " + e.getMessage());
      }
    }
    List<Object> results = new ArrayList<>();
    boolean allPassed = true;
    try (Core core = Core.create();
        Model m = core.readModel(model, weights)) {
      for (OpenVinoRunner.DeviceSpec s : specs) {
        OpenVinoRunner.requireDevice(core, s.device());
      }
      try {
        Converter.applyInputs(m, overrides);
      } catch (org.ov2onnx.convert.spi.ConversionException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage());
      }
      List<String> notes = new ArrayList<>();
      if (DecoderVerifier.appliesTo(m, decoding)) {
        List<DecoderVerifier.DeviceComparison> comparisons;
        try {
          comparisons = DecoderVerifier.compareDevices(core, m, specs, decoding, seed, this::tolerance, notes);
        } catch (VerifyException e) {
          throw new CliException(e.usage() ? ExitCodes.USAGE : ExitCodes.UNREADABLE, e.getMessage());
        }
        for (DecoderVerifier.DeviceComparison c : comparisons) {
          out.printf("%s vs %s%n", c.device(), specs.get(0));
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("device", c.device());
          entry.put("outputs", c.metrics().stream().map(metrics -> line(out, metrics)).toList());
          out.print(c.decoding().toConsole());
          entry.put("decoding", c.decoding().toJson());
          results.add(entry);
          allPassed &= c.passed();
        }
        return finish(out, notes, results, allPassed, specs);
      }
      InputGenerator gen = new InputGenerator(seed);
      List<Tensor> values = new ArrayList<>();
      for (Port p : m.inputs()) {
        if (!p.shape().isStatic()) {
          throw new CliException(ExitCodes.USAGE, "input '" + p.name() + "' has the dynamic shape " + p.shape() + ": fix it with --input");
        }
        values.add(gen.generate(p.type(), p.shape().toStatic(), null));
      }
      List<String> names = m.outputs().stream().map(Port::name).toList();
      Map<String, Tensor> reference = StatefulVerifier.runForCompare(core, m, specs.get(0), values, seed, stepCount, names, notes);
      for (OpenVinoRunner.DeviceSpec s : specs.subList(1, specs.size())) {
        Map<String, Tensor> other = StatefulVerifier.runForCompare(core, m, s, values, seed, stepCount, names, notes);
        out.printf("%s vs %s%n", s, specs.get(0));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("device", s.toString());
        List<Object> outs = new ArrayList<>();
        for (String name : StatefulVerifier.namesForCompare(m, names, stepCount)) {
          Tensor e = reference.get(name);
          Tensor a = other.get(name);
          OutputMetrics metrics = OutputMetrics.of(name, e.elementType(), e.shape(), TensorValues.of(e), TensorValues.of(a), tolerance(e.elementType()));
          allPassed &= metrics.passed();
          outs.add(line(out, metrics));
        }
        entry.put("outputs", outs);
        results.add(entry);
      }
      return finish(out, notes, results, allPassed, specs);
    } catch (OpenVinoException e) {
      throw new CliException(ExitCodes.UNREADABLE, e.getMessage());
    }
  }

  /** The tolerance of an output of this type: the flags', else the type's default. */
  private Tolerance tolerance(ElementType type) {
    Tolerance d = Tolerance.defaultFor(type);
    boolean defaults = atol == null && rtol == null;
    return new Tolerance(atol == null ? d.atol() : atol, rtol == null ? d.rtol() : rtol, defaults ? d.scaleTol() : 0);
  }

  /** Prints one output's comparison; returns it for the report. */
  private static Map<String, Object> line(PrintWriter out, OutputMetrics metrics) {
    out.printf("  %-28s max_abs %-10.3g cosine %-10.6f %s%n", metrics.name(), metrics.maxAbsError(), metrics.cosineSimilarity(),
        metrics.passed() ? "pass" : "FAIL");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", metrics.name());
    o.put("max_abs_error", metrics.maxAbsError());
    o.put("max_rel_error", metrics.maxRelError());
    o.put("cosine_similarity", metrics.cosineSimilarity());
    o.put("passed", metrics.passed());
    return o;
  }

  private int finish(PrintWriter out, List<String> notes, List<Object> results, boolean allPassed, List<OpenVinoRunner.DeviceSpec> specs)
      throws java.io.IOException {
    notes.forEach(n -> out.println("Note: " + n));
    if (report != null) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("passed", allPassed);
      doc.put("model", model.toString());
      doc.put("reference", specs.get(0).toString());
      doc.put("comparisons", results);
      Files.writeString(report, Json.write(doc) + "\n");
    }
    out.println(allPassed ? "PASSED" : "FAILED");
    return allPassed ? ExitCodes.OK : ExitCodes.MISMATCH;
  }
}
