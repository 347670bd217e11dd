package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.EarlyPrecheck;
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
    // -h/--help, -V/--version and the exit-code list reach every subcommand
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = "Converts OpenVINO models to ONNX with OpenVINO's own reader, and proves it right.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:verification found a mismatch",
      "2:usage error (bad command, flag or value)",
      "3:the model holds unsupported operations",
      "4:a model, weights file, device or input cannot be read or used",
      "5:internal error"
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  /**
   * The subcommands, in the order help lists them. picocli reflects over every command it is given
   * (a large part of start-up), so a run names only the one it uses, unless it needs them all (help,
   * or an unknown command).
   */
  static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("convert", ConvertCommand::new);
    COMMANDS.put("verify", VerifyCommand::new);
    COMMANDS.put("compare", CompareCommand::new);
    COMMANDS.put("generate", GenerateCommand::new);
    COMMANDS.put("to-ir", ToIrCommand::new);
    COMMANDS.put("info", InfoCommand::new);
    COMMANDS.put("devices", DevicesCommand::new);
    COMMANDS.put("ops", OpsCommand::new);
    COMMANDS.put("completion", CompletionCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /** Commands that use OpenVINO's native libraries. */
  private static final java.util.Set<String> NATIVE_COMMANDS =
      java.util.Set.of("convert", "verify", "compare", "to-ir", "info", "devices");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Commands whose first argument, unless it is a flag, is the model they read. */
  private static final java.util.Set<String> MODEL_COMMANDS =
      java.util.Set.of("convert", "verify", "compare", "generate", "to-ir", "info");

  public static void main(String[] args) {
    if (args.length > 1 && MODEL_COMMANDS.contains(args[0]) && !args[1].startsWith("-")) {
      EarlyPrecheck.start(args[1]); // an IR's structure check runs meanwhile too; readModel takes its result
    }
    if (args.length > 0 && NATIVE_COMMANDS.contains(args[0])) {
      Core.preload(); // OpenVINO's libraries load while picocli reads the command (2 cores: in parallel)
    }
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
    // help and completion describe every command, so they need them all
    boolean all = args.length == 0 || args[0].equals("help") || args[0].equals("completion");
    Supplier<Object> named = all ? null : COMMANDS.get(args[0]);
    if (named != null) {
      cli.addSubcommand(args[0], named.get());
    } else {
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(Main::exitCodeOf);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (jvmEnding()) {
            return exitCodeOf(e); // a signal ends the run: the shutdown hook prints the one line
          }
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

  /** Whether the JVM is running its shutdown hooks (a signal arrived): then no hook can be added. */
  static boolean jvmEnding() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException ending) {
      return true;
    }
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

  /** {@code ov2onnx} alone: a usage error, the usage goes to stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
