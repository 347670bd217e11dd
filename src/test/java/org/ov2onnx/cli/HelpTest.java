package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help for every subcommand, the bare command, and the completion script. */
class HelpTest {
  @TempDir Path dir;

  static final String SUBCOMMANDS = "convert,verify,compare,generate,to-ir,info,devices,ops,completion";

  @ParameterizedTest
  @ValueSource(strings = {"convert", "verify", "compare", "generate", "to-ir", "info", "devices", "ops", "completion"})
  void everySubcommandShowsItsHelpThreeWays(String command) {
    for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "-h"}, new String[] {"help", command})) {
      CliTest r = CliTest.run(args);
      String how = String.join(" ", args);
      assertEquals(0, r.exitCode(), how + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: ov2onnx " + command), how + ": " + r.out());
      assertTrue(r.out().contains("-h, --help"), how + ": " + r.out());
      assertTrue(r.out().contains("Exit codes:"), how + ": " + r.out());
      assertTrue(r.err().isEmpty(), how + ": " + r.err());
    }
  }

  @Test
  void helpOfConvertListsItsFlags() {
    CliTest r = CliTest.run("convert", "--help");
    for (String flag : new String[] {"--output", "--opset", "--verify", "--atol", "--scale-tol", "--html", "--layerwise"}) {
      assertTrue(r.out().contains(flag), flag + " missing from: " + r.out());
    }
  }

  @Test
  void noArgumentsPrintsUsageToStderrWithExit2() {
    CliTest r = CliTest.run();
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.out().isEmpty(), r.out());
    assertTrue(r.err().startsWith("Usage: ov2onnx"), r.err());
    for (String c : SUBCOMMANDS.split(",")) {
      assertTrue(r.err().contains("  " + c + " "), c + " missing from: " + r.err());
    }
  }

  @Test
  void helpAloneAndSubcommandVersion() {
    CliTest help = CliTest.run("help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().startsWith("Usage: ov2onnx"), help.out());
    CliTest version = CliTest.run("convert", "--version");
    assertEquals(0, version.exitCode(), version.err());
    assertTrue(version.out().contains("OpenVINO 2026.4.1"), version.out());
    assertEquals(ExitCodes.USAGE, CliTest.run("help", "no-such-command").exitCode());
  }

  /** The script completes subcommands and flags in a real bash. */
  @Test
  void completionScriptCompletesInBash() throws Exception {
    CliTest r = CliTest.run("completion");
    assertEquals(0, r.exitCode(), r.err());
    Path script = dir.resolve("ov2onnx.bash");
    Files.writeString(script, r.out());
    assertEquals("convert", complete(script, "ov2onnx", "conv"));
    assertEquals("--opset", complete(script, "ov2onnx", "convert", "--ops"));
    assertEquals("--layerwise", complete(script, "ov2onnx", "verify", "--layer"));
    assertEquals("generate", complete(script, "ov2onnx", "gen"));
    assertEquals("--max-new", complete(script, "ov2onnx", "generate", "--max"));
  }

  /** What bash's programmable completion offers for the last word. */
  private String complete(Path script, String... words) throws Exception {
    String line = String.join(" ", words);
    String program = "source " + script + "\n"
        + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
        + "fn=$(complete -p ov2onnx | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
        + "$fn ov2onnx '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // compopt complains outside a real completion; only the offered words matter
    Process p = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
