package org.ov2onnx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.verify.OpenVinoRunner;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.VerifyException;
import org.ov2onnx.verify.VerifyOptions;
import org.ov2onnx.verify.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx verify MODEL CONVERTED.onnx}: prove a conversion. */
@Command(
    name = "verify",
    description = "Run the original on OpenVINO (reference mode) and the ONNX model on ONNX Runtime with the same inputs, and compare every output. Exit code 1 on a mismatch.")
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The original model (any format OpenVINO reads).")
  Path model;

  @Parameters(index = "1", paramLabel = "CONVERTED.onnx", description = "The converted ONNX model.")
  Path onnx;

  @CommandLine.Mixin VerifyFlags flags;

  @Override
  public Integer call() throws Exception {
    return flags.run(spec.commandLine().getOut(), model, onnx, List.of());
  }

  /** The verification flags, shared with {@code convert --verify}. */
  static final class VerifyFlags {
    @Option(names = {"-w", "--weights"}, paramLabel = "WEIGHTS", description = "The original's weights file.")
    Path weights;

    @Option(names = {"-d", "--device"}, paramLabel = "DEVICE", description = "OpenVINO device for the original: CPU (default), GPU, NPU, AUTO, ...; DEVICE:f16 uses that precision instead of reference mode.")
    String device = "CPU";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
    long seed = 2026;

    @Option(names = "--input", paramLabel = "SPEC", description = "Fix input shapes/types, as for convert: name[1,3,224,224]{f32}.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-data", paramLabel = "FILE", description = "Input values from a .npy (one input) or .npz (arrays named after the inputs).")
    Path inputData;

    @Option(names = "--range", paramLabel = "[NAME:]LO,HI", description = "Value range of random inputs (all, or one input). Integers default to 0..9, floats to N(0,1).")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--atol", paramLabel = "[OUTPUT:]VALUE", description = "Absolute tolerance per element, for all outputs or one."
        + " Defaults by element type (f32: 1e-4). Giving --atol or --rtol turns the scale tolerance off for those outputs unless --scale-tol is given.")
    List<String> atol = new ArrayList<>();

    @Option(names = "--rtol", paramLabel = "[OUTPUT:]VALUE", description = "Relative tolerance per element, for all outputs or one (f32: 1e-3).")
    List<String> rtol = new ArrayList<>();

    @Option(names = "--scale-tol", paramLabel = "[OUTPUT:]VALUE", description = "Tolerance relative to each output's scale (its largest |value|):"
        + " an element also passes within VALUE*scale. Defaults by element type (f32: 1e-3, f16: 1e-2, f64: 1e-6); 0 checks per element only.")
    List<String> scaleTol = new ArrayList<>();

    @Option(names = "--no-attribution", description = "Do not also run the converted ONNX on OpenVINO (which tells a conversion error from a runtime difference).")
    boolean noAttribution;

    @Option(names = "--layerwise", description = "Also compare every intermediate tensor both graphs have, and name the first node that diverges.")
    boolean layerwise;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown report here.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report here: error histograms per output and,"
        + " with --layerwise, the error along the graph.")
    Path html;

    @Option(names = "--steps", paramLabel = "N", description = "Stateful models (ReadValue/Assign): run N steps of random inputs, feeding each"
        + " present.V back as past.V (default: " + org.ov2onnx.verify.StatefulVerifier.DEFAULT_STEPS + "; a decoder runs --decode-steps instead).")
    Integer steps;

    @CommandLine.Mixin DecoderFlags decoder;

    VerifyOptions options(List<InputSpec> extraInputs) throws CliException {
      List<InputSpec> specs = new ArrayList<>(extraInputs);
      for (String text : inputs) {
        try {
          specs.addAll(InputSpec.parseAll(text));
        } catch (IllegalArgumentException e) {
          throw new CliException(ExitCodes.USAGE, "--input: " + e.getMessage());
        }
      }
      Map<String, double[]> rangeMap = new LinkedHashMap<>();
      for (String r : ranges) {
        String[] kv = split(r);
        String[] lohi = kv[1].split(",");
        try {
          if (lohi.length != 2 || Double.parseDouble(lohi[0]) > Double.parseDouble(lohi[1])) {
            throw new NumberFormatException();
          }
          rangeMap.put(kv[0], new double[] {Double.parseDouble(lohi[0]), Double.parseDouble(lohi[1])});
        } catch (NumberFormatException e) {
          throw new CliException(ExitCodes.USAGE, "--range '" + r + "' must be [NAME:]LO,HI with LO <= HI");
        }
      }
      OpenVinoRunner.DeviceSpec deviceSpec;
      try {
        deviceSpec = OpenVinoRunner.DeviceSpec.parse(device);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, "--device: " + e.getMessage());
      }
      return VerifyOptions.defaults().withWeights(weights).withDevice(deviceSpec).withSeed(seed).withInputs(specs)
          .withInputData(inputData).withRanges(rangeMap).withTolerances(tolerances(atol, "--atol"), tolerances(rtol, "--rtol"))
          .withScaleTolerances(tolerances(scaleTol, "--scale-tol")).withAttribution(!noAttribution).withLayerwise(layerwise)
          .withDecoder(decoder.options(steps != null));
    }

    private static String[] split(String text) {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        return new String[] {"", text};
      }
      return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }

    private static Map<String, Double> tolerances(List<String> values, String flag) throws CliException {
      Map<String, Double> map = new LinkedHashMap<>();
      for (String v : values) {
        String[] kv = split(v);
        try {
          double d = Double.parseDouble(kv[1]);
          if (d < 0 || Double.isNaN(d)) {
            throw new NumberFormatException();
          }
          map.put(kv[0], d);
        } catch (NumberFormatException e) {
          throw new CliException(ExitCodes.USAGE, flag + " '" + v + "' must be [OUTPUT:]VALUE with VALUE >= 0");
        }
      }
      return map;
    }

    int run(PrintWriter out, Path model, Path onnx, List<InputSpec> extraInputs) throws Exception {
      if (steps != null && steps < 1) {
        throw new CliException(ExitCodes.USAGE, "--steps must be at least 1");
      }
      VerifyOptions options = options(extraInputs);
      VerifyReport r;
      try {
        r = Verifier.verify(model, onnx, options, steps == null ? org.ov2onnx.verify.StatefulVerifier.DEFAULT_STEPS : steps);
      } catch (VerifyException e) {
        throw new CliException(e.usage() ? ExitCodes.USAGE : ExitCodes.UNREADABLE, e.getMessage());
      }
      out.print(r.toConsole());
      try {
        if (report != null) {
          Files.writeString(report, r.toJson());
        }
        if (markdown != null) {
          Files.writeString(markdown, r.toMarkdown());
        }
        if (html != null) {
          Files.writeString(html, r.toHtml());
        }
      } catch (IOException e) {
        throw new CliException(ExitCodes.UNREADABLE, "cannot write the report: " + e.getMessage());
      }
      return r.passed() ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
  }
}
