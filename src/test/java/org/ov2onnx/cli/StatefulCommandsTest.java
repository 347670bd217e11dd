package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify and compare over several steps of a stateful model, and what info shows of state and sub-graphs. */
class StatefulCommandsTest {
  @TempDir Path dir;

  /** The fixture accumulates x into a [1,4] state and outputs the sum ("out"). */
  private static final Path STATEFUL = CliTest.fixture("stateful.xml");

  @Test
  void verifyRunsTheGivenStepsAndReportsEach() throws Exception {
    Path onnx = dir.resolve("stateful.onnx");
    assertEquals(0, CliTest.run("convert", STATEFUL.toString(), "-o", onnx.toString()).exitCode());
    Path json = dir.resolve("r.json");
    Path md = dir.resolve("r.md");
    CliTest r = CliTest.run("verify", STATEFUL.toString(), onnx.toString(), "--steps", "4", "--report", json.toString(),
        "--markdown", md.toString());
    assertEquals(0, r.exitCode(), r.err() + r.out());
    for (int step = 1; step <= 4; step++) {
      assertTrue(r.out().contains("step " + step + "/out"), r.out());
      assertTrue(Files.readString(json).contains("\"name\": \"step " + step + "/out\""), Files.readString(json));
      assertTrue(Files.readString(md).contains("| `step " + step + "/out` |"), Files.readString(md));
    }
    assertTrue(!r.out().contains("step 5/"), r.out());
    assertTrue(r.out().contains("state_var (past.state_var → present.state_var)"), r.out());
    assertTrue(Files.readString(json).contains("\"name\": \"step 2/past.state_var\""), Files.readString(json));
  }

  @Test
  void verifyDefaultsToThreeSteps() throws Exception {
    Path onnx = dir.resolve("stateful.onnx");
    CliTest r = CliTest.run("convert", STATEFUL.toString(), "-o", onnx.toString(), "--verify");
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("step 3/out") && !r.out().contains("step 4/out"), r.out());
  }

  @Test
  void stepsMustBePositive() throws Exception {
    Path onnx = dir.resolve("stateful.onnx");
    assertEquals(0, CliTest.run("convert", STATEFUL.toString(), "-o", onnx.toString()).exitCode());
    CliTest r = CliTest.run("verify", STATEFUL.toString(), onnx.toString(), "--steps", "0");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--steps"), r.err());
    assertEquals(2, CliTest.run("compare", STATEFUL.toString(), "--devices", "CPU,CPU", "--steps", "-1").exitCode());
  }

  @Test
  void compareRunsStepsOnEachDevice() throws Exception {
    Path json = dir.resolve("c.json");
    CliTest r = CliTest.run("compare", STATEFUL.toString(), "--devices", "CPU,CPU", "--steps", "2", "--report", json.toString());
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("step 1/out") && r.out().contains("step 2/out") && !r.out().contains("step 3/out"), r.out());
    assertTrue(Files.readString(json).contains("\"name\": \"step 2/out\""), Files.readString(json));
  }

  @Test
  void infoShowsVariables() {
    CliTest r = CliTest.run("info", STATEFUL.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Variables (1):\n  state_var  f32 [1,4]  read by read_state (ReadValue-6); assigned by assign_state (Assign-6)"), r.out());
    CliTest j = CliTest.run("info", STATEFUL.toString(), "--json");
    assertEquals(0, j.exitCode(), j.err());
    assertTrue(j.out().contains("\"id\": \"state_var\""), j.out());
    assertTrue(j.out().matches("(?s).*\"read_by\": \\[\\s*\"read_state \\(ReadValue-6\\)\"\\s*\\].*"), j.out());
  }

  @Test
  void infoShowsSubgraphsAndTheirBodies() {
    CliTest r = CliTest.run("info", CliTest.fixture("subgraphs.xml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Sub-graphs:\n  if (If-8)\n    then (body 0): 4 nodes\n    else (body 1): 3 nodes\n"), r.out());
    assertTrue(r.out().contains("  loop (Loop-5)\n    body (body 0): 15 nodes\n"), r.out());
    assertTrue(r.out().contains("  tensor_iterator (TensorIterator-1)\n    body (body 0): 11 nodes\n"), r.out());
    assertTrue(!r.out().contains("Variables"), r.out());
    CliTest j = CliTest.run("info", CliTest.fixture("subgraphs.xml").toString(), "--json");
    assertTrue(j.out().contains("\"operation\": \"If-8\""), j.out());
    assertTrue(j.out().contains("\"node_count\": 15"), j.out());
  }

  @Test
  void infoShowsBodiesInsideBodies() {
    CliTest r = CliTest.run("info", CliTest.fixture("nested_subgraphs.xml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Sub-graphs:\n  outer_if (If-8)\n    then (body 0): 7 nodes\n      inner_if (If-8)\n"
        + "        then (body 0): 4 nodes\n        else (body 1): 3 nodes\n    else (body 1): 3 nodes\n"), r.out());
    CliTest j = CliTest.run("info", CliTest.fixture("nested_subgraphs.xml").toString(), "--json");
    assertTrue(j.out().matches("(?s).*\"node\": \"outer_if\".*\"subgraphs\": \\[\\s*\\{\\s*\"node\": \"inner_if\".*"), j.out());
  }
}
