package org.ov2onnx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.PathChecks;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks every file argument of the command about to run, before it runs: outputs must be regular
 * files or not exist yet (a device node, FIFO, socket or directory is refused and left untouched),
 * inputs must exist and be regular files (a model may also be a folder, as a TF SavedModel is).
 * {@link Main} runs it for every command, so each command's file options are covered, including
 * those added later, as long as they use the flag names below.
 */
final class FileArgs {
  /** Options that name a file the command writes. */
  static final Set<String> OUTPUTS = Set.of("--output", "--report", "--markdown", "--html");
  /** Options that name a file the command reads, which must not be a folder. */
  static final Set<String> INPUT_FILES = Set.of("--weights", "--input-data");

  private FileArgs() {}

  /** Throws exit 4 (or 4's "not found") naming the flag and the path of the first bad argument. */
  static void check(CommandLine.ParseResult parsed) throws CliException {
    CommandLine.ParseResult sub = parsed;
    while (sub.subcommand() != null) {
      sub = sub.subcommand();
    }
    List<ArgSpec> matched = sub.matchedArgs();
    try {
      for (ArgSpec arg : matched) {
        if (!(arg.getValue() instanceof Path path)) {
          continue;
        }
        String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
        if (arg.isOption() && OUTPUTS.contains(name)) {
          PathChecks.checkOutput(path, name);
          for (Path sibling : siblings(sub, path)) {
            PathChecks.checkOutput(sibling, name);
          }
        } else if (arg.isOption() && INPUT_FILES.contains(name)) {
          PathChecks.checkInput(path, name + " file", false);
        } else if (arg.isPositional()) {
          PathChecks.checkInput(path, name, true);
        }
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.UNREADABLE, e.getMessage());
    } catch (OpenVinoException e) {
      throw new CliException(ExitCodes.UNREADABLE, e.getMessage());
    }
  }

  /** Files written next to an output: ONNX external data, the .bin of an IR. */
  private static List<Path> siblings(CommandLine.ParseResult command, Path output) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString();
    String cmd = command.commandSpec().name();
    if (cmd.equals("convert")) {
      return List.of(output.resolveSibling(name + ".data"));
    }
    if (cmd.equals("to-ir") && name.endsWith(".xml")) {
      return List.of(output.resolveSibling(name.substring(0, name.length() - 4) + ".bin"));
    }
    return List.of();
  }
}
