package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ov2onnx.util.Json;
import org.ov2onnx.convert.ConversionResult;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.convert.InvalidInputSpecException;
import org.ov2onnx.convert.UnsupportedOperationsException;
import org.ov2onnx.onnx.ExternalData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx convert MODEL -o OUT.onnx}: the main job. */
@Command(
    name = "convert",
    description = "Convert a model that OpenVINO reads (IR, ONNX, TF, TFLite, PaddlePaddle) to ONNX.")
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "IR .xml, .onnx, .pb, SavedModel folder, .tflite or .pdmodel.")
  Path model;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.onnx", description = "The ONNX file to write.")
  Path output;

  @Option(
      names = "--opset",
      paramLabel = "N",
      description = "Target opset of the default ONNX domain, " + Converter.MIN_OPSET + " to " + Converter.MAX_OPSET + " (default: ${DEFAULT-VALUE}).")
  int opset = Converter.DEFAULT_OPSET;


  @Option(
      names = "--external-data",
      paramLabel = "MODE",
      description = "auto (only over protobuf's 2 GB limit), always, never (default: ${DEFAULT-VALUE}). The data file is OUT.onnx.data.")
  String externalData = "auto";

  @Option(names = "--allow-custom-ops", description = "Keep unsupported operations as nodes of the org.openvinotoolkit domain instead of failing.")
  boolean allowCustomOps;

  @Option(names = "--upcast-fp16", description = "Fold FP16-compressed weights (f16 Constant + Convert) into f32 initializers.")
  boolean upcastFp16;

  @Option(names = "--dequantize", description = "Make quantized operations and compressed weights float (by default they stay quantized).")
  boolean dequantize;

  @Option(
      names = "--weights-format",
      paramLabel = "FORMAT",
      description = "Compressed weights as auto (8-bit ones as DequantizeLinear if NNCF compressed or quantized the model, "
          + "else as cast; 4-bit MatMul weights below opset 21 as MatMulNBits), dq (DequantizeLinear), cast (8-bit ones "
          + "as Cast -> [Sub] -> Mul, which ONNX Runtime folds at load), matmulnbits or float (default: ${DEFAULT-VALUE}).")
  String weightsFormat = "auto";

  @Option(names = "--json", description = "Print a JSON summary instead of text.")
  boolean json;

  @Option(names = "--verify", description = "Verify the result right away (as the verify command; its flags apply).")
  boolean verify;

  @CommandLine.Mixin VerifyCommand.VerifyFlags verifyFlags;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConvertOptions options = options();
    ConsoleProgress progress = ConsoleProgress.forTerminal(err);
    options = options.withProgress(progress);
    ConversionResult r;
    try {
      r = new Converter().convert(model, output, options);
    } catch (UnsupportedOperationsException e) {
      if (json) {
        out.println(Json.write(unsupportedJson(e)));
      }
      throw new CliException(ExitCodes.UNSUPPORTED, e.getMessage());
    } catch (InvalidInputSpecException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    } catch (org.ov2onnx.convert.spi.ConversionException e) {
      throw new CliException(ExitCodes.UNSUPPORTED, e.getMessage());
    } catch (org.ov2onnx.onnx.OnnxTypeCheck.TypeConstraintException e) { // a conversion ONNX cannot type: nothing written
      throw new CliException(ExitCodes.UNSUPPORTED, e.getMessage());
    } catch (java.io.IOException e) {
      throw new CliException(ExitCodes.UNREADABLE, "cannot write " + output + ": " + e.getMessage());
    } finally {
      progress.done();
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("model", model.toString());
      doc.put("output", r.output().toString());
      doc.put("external_data", r.externalData() == null ? null : r.externalData().toString());
      doc.put("opset", r.opset());
      doc.put("source_nodes", r.sourceNodes());
      doc.put("onnx_nodes", r.onnxNodes());
      doc.put("initializers", r.initializers());
      doc.put("weight_bytes", r.weightBytes());
      doc.put("custom_ops", r.customOps());
      doc.put("operations", r.operations());
      out.println(Json.write(doc));
    } else {
      out.printf("Converted %s -> %s (opset %d): %d OpenVINO nodes -> %d ONNX nodes, %d initializers, %s of weights%s%n",
          model, r.output(), r.opset(), r.sourceNodes(), r.onnxNodes(), r.initializers(), bytes(r.weightBytes()),
          r.externalData() == null ? "" : " in " + r.externalData().getFileName());
      if (r.customOps() > 0) {
        out.printf("Kept %d node(s) as custom ops (domain org.openvinotoolkit): ONNX Runtime needs a custom op library for them.%n", r.customOps());
      }
    }
    if (verify) {
      return verifyFlags.run(out, model, r.output(), List.of());
    }
    return ExitCodes.OK;
  }

  private ConvertOptions options() throws CliException {
    ExternalData mode;
    try {
      mode = ExternalData.valueOf(externalData.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--external-data must be auto, always or never, not '" + externalData + "'");
    }
    if (opset < Converter.MIN_OPSET || opset > Converter.MAX_OPSET) {
      throw new CliException(ExitCodes.USAGE, "--opset " + opset + " is outside the supported range " + Converter.MIN_OPSET + ".." + Converter.MAX_OPSET);
    }
    ConvertOptions.WeightsFormat format;
    try {
      format = ConvertOptions.WeightsFormat.valueOf(weightsFormat.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--weights-format must be auto, dq, cast, matmulnbits or float, not '" + weightsFormat + "'");
    }
    List<InputSpec> specs = new ArrayList<>();
    for (String text : verifyFlags.inputs) {
      try {
        specs.addAll(InputSpec.parseAll(text));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, "--input: " + e.getMessage());
      }
    }
    return ConvertOptions.defaults().withWeights(verifyFlags.weights).withOpset(opset).withInputs(specs)
        .withExternalData(mode).withAllowCustomOps(allowCustomOps).withUpcastFp16(upcastFp16)
        .withDequantize(dequantize).withWeightsFormat(format);
  }

  private static Map<String, Object> unsupportedJson(UnsupportedOperationsException e) {
    List<Object> ops = new ArrayList<>();
    for (var u : e.operations()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", u.type());
      m.put("version", u.version());
      m.put("count", u.count());
      m.put("nodes", u.nodes());
      m.put("reason", u.reason());
      ops.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("converted", false);
    doc.put("unsupported", ops);
    return doc;
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    } else if (n < 1L << 20) {
      return String.format("%.1f KiB", n / 1024.0);
    } else if (n < 1L << 30) {
      return String.format("%.1f MiB", n / (double) (1L << 20));
    }
    return String.format("%.2f GiB", n / (double) (1L << 30));
  }
}
