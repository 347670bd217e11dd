package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.ov2onnx.openvino.OpenVinoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ov2onnx} command line. {@link #run} takes its streams from the caller and returns
 * the exit code, so the CLI is testable without {@code System.exit}.
 */
@Command(
    name = "ov2onnx",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Converts OpenVINO models to ONNX with OpenVINO's own reader, and proves it right.",
    subcommands = {ConvertCommand.class, VerifyCommand.class, CompareCommand.class, ToIrCommand.class, InfoCommand.class, DevicesCommand.class, OpsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:verification found a mismatch",
      "2:usage error (bad command, flag or value)",
      "3:the model holds unsupported operations",
      "4:a model, weights file, device or input cannot be read or used",
      "5:internal error"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // SIGTERM and SIGINT end the JVM through its shutdown hooks: outputs being written are unnamed
    // files (or temp files that a hook deletes), so nothing is left behind; say so and exit 143/130
    java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!finished.get()) {
        err.println("error: interrupted by a signal; no output or temporary file of this run is left behind");
        err.flush();
      }
    }, "ov2onnx-interrupted"));
    int code = run(out, err, args);
    finished.set(true);
    System.exit(code);
  }

  /** Runs the CLI; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(Main::exitCodeOf);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("error: " + messageOf(e));
          if (Boolean.getBoolean("ov2onnx.stacktrace") || !(e instanceof OpenVinoException)) {
            if (Boolean.getBoolean("ov2onnx.stacktrace")) {
              e.printStackTrace(err);
            }
          }
          err.flush();
          return exitCodeOf(e);
        });
    cli.setParameterExceptionHandler(
        (e, params) -> {
          err.println("error: " + e.getMessage());
          err.println("Try 'ov2onnx " + commandPath(e.getCommandLine()) + "--help' for usage.");
          err.flush();
          return ExitCodes.USAGE;
        });
    // every command's file arguments are checked before it runs (FileArgs)
    cli.setExecutionStrategy(parsed -> {
      try {
        FileArgs.check(parsed);
      } catch (CliException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return e.exitCode();
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String commandPath(CommandLine cl) {
    String path = cl.getCommandSpec().qualifiedName(" ");
    path = path.startsWith("ov2onnx") ? path.substring("ov2onnx".length()).strip() : path;
    return path.isEmpty() ? "" : path + " ";
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof OpenVinoException) {
      return ExitCodes.UNREADABLE;
    }
    if (e instanceof UnsatisfiedLinkError) {
      return ExitCodes.INTERNAL;
    }
    return ExitCodes.INTERNAL;
  }

  static String messageOf(Throwable e) {
    if (e instanceof OpenVinoException || e instanceof CliException) {
      return e.getMessage();
    }
    return "internal error: " + e + " (please report it; rerun with -Dov2onnx.stacktrace=true for details)";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
