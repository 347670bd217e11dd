package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ov2onnx.convert.ConverterRegistry;
import org.ov2onnx.convert.SupportedOps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ov2onnx ops}: which OpenVINO operations convert (built-in and from providers). */
@Command(name = "ops", description = "List the OpenVINO operations (type-version) that convert, with the ONNX opset they need.")
final class OpsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--markdown", description = "Print the full support table (docs/SUPPORTED_OPS.md).")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConverterRegistry registry = ConverterRegistry.withProviders();
    if (markdown) {
      out.print(SupportedOps.markdown(registry));
      return ExitCodes.OK;
    }
    for (ConverterRegistry.Entry e : registry.entries()) {
      out.printf("%-40s opset>=%-3d %s%s%n", e.key(), e.minOpset(), e.notes(), e.builtIn() ? "" : " [provider]");
    }
    return ExitCodes.OK;
  }
}
