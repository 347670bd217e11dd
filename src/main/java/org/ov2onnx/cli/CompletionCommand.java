package org.ov2onnx.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code ov2onnx completion}: prints the bash (and zsh, through bashcompinit) completion script
 * that picocli generates from the command model, so it is always in step with the flags.
 */
@Command(
    name = "completion",
    description = {
      "Print the bash/zsh completion script for ov2onnx.",
      "Use: source <(ov2onnx completion), or save it as /etc/bash_completion.d/ov2onnx."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
