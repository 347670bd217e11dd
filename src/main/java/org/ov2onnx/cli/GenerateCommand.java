package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ov2onnx.verify.Generator;
import org.ov2onnx.verify.OpenVinoRunner;
import org.ov2onnx.verify.VerifyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx generate MODEL --tokens 1,2,3 --max-new 16}: greedy decoding, batch 1. */
@Command(
    name = "generate",
    description = "Greedy decoding (batch 1) of a decoder: a converted .onnx on ONNX Runtime, its state fed back (present.V as past.V);"
        + " any other model on one stateful OpenVINO infer request. Prints the generated token ids, comma-separated, as the last line.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A converted decoder (.onnx), or the original (an IR or any model OpenVINO reads).")
  Path model;

  @Option(names = "--tokens", required = true, paramLabel = "IDS", description = "The prompt's token ids, e.g. 1,2,3.")
  String tokens;

  @Option(names = "--max-new", paramLabel = "N", description = "How many tokens to generate at most (default: 16).")
  String maxNew = "16";

  @Option(names = "--eos", paramLabel = "ID", description = "Stop after this token (end of sequence); it is printed as the last id.")
  String eos;

  @Option(names = {"-w", "--weights"}, paramLabel = "WEIGHTS", description = "The weights file of an IR (default: beside it).")
  Path weights;

  @Option(names = {"-d", "--device"}, paramLabel = "DEVICE", description = "OpenVINO device for a model that is not .onnx (default: CPU,"
      + " reference mode; DEVICE:f16 for that precision).")
  String device = "CPU";

  @Option(names = "--decoder-names", paramLabel = "ROLE=NAME[,...]", description = "The model's names for the roles input_ids,"
      + " attention_mask, position_ids, beam_idx and logits, where they differ from these.")
  String names;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Long> prompt = DecoderFlags.tokens(tokens, "--tokens");
    int max = DecoderFlags.count(maxNew, "--max-new", 1);
    if (eos != null && eos.contains(",")) {
      throw new CliException(ExitCodes.USAGE, "--eos '" + eos + "' must be one token id");
    }
    Long stop = eos == null ? null : DecoderFlags.tokens(eos, "--eos").get(0);
    Map<String, String> roles = names == null ? Map.of() : DecoderFlags.names(names);
    if (weights != null && model.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
      throw new CliException(ExitCodes.USAGE, "--weights is for an OpenVINO model; " + model + " runs on ONNX Runtime");
    }
    OpenVinoRunner.DeviceSpec deviceSpec;
    try {
      deviceSpec = OpenVinoRunner.DeviceSpec.parse(device);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--device: " + e.getMessage());
    }
    try (Generator g = Generator.open(model, weights, deviceSpec, roles)) {
      List<Long> generated = g.generate(prompt, max, stop);
      boolean stopped = stop != null && generated.get(generated.size() - 1).equals(stop);
      out.println("generated " + generated.size() + " tokens on " + g.runtime() + " after a prompt of " + prompt.size()
          + (stopped ? ", stopped at --eos " + stop : ""));
      out.println(generated.stream().map(String::valueOf).collect(Collectors.joining(",")));
      return ExitCodes.OK;
    } catch (VerifyException e) {
      throw new CliException(e.usage() ? ExitCodes.USAGE : ExitCodes.UNREADABLE, e.getMessage());
    }
  }
}
