package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Main builds only the subcommand a run names; its table must match the commands' own names. */
class SubcommandTableTest {
  @Test
  void eachEntryIsTheCommandOfThatName() {
    for (Map.Entry<String, java.util.function.Supplier<Object>> e : Main.COMMANDS.entrySet()) {
      Command c = e.getValue().get().getClass().getAnnotation(Command.class);
      assertEquals(e.getKey(), c.name());
    }
  }

  @Test
  void helpListsEveryCommandAndAnUnknownOneIsAUsageError() {
    CliTest help = CliTest.run("--help");
    for (String name : Main.COMMANDS.keySet()) {
      assertTrue(help.out().contains("  " + name + " "), name + " in\n" + help.out());
    }
    CliTest unknown = CliTest.run("convrt", "x.xml");
    assertEquals(ExitCodes.USAGE, unknown.exitCode());
    assertTrue(unknown.err().contains("convrt"), unknown.err());
  }
}
