package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-check begun early ({@link EarlyPrecheck}, as the CLI does) and {@link Core#readModel}:
 * a refusal is the same error as the check's own; a result is used only for the very file it was
 * computed for; without an early start, readModel checks the file itself.
 */
class EarlyPrecheckTest {
  @TempDir Path dir;
  private Core core;

  /** Reads and passes the pre-check; OpenVINO reads it too. */
  private static final String GOOD = """
      <?xml version="1.0"?>
      <net name="good" version="11"><layers>
      <layer id="0" name="x" type="Parameter" version="opset1"><data shape="2" element_type="f32"/><output><port id="0" precision="FP32" names="x"><dim>2</dim></port></output></layer>
      <layer id="1" name="y" type="ReLU" version="opset1"><input><port id="0" precision="FP32"><dim>2</dim></port></input><output><port id="1" precision="FP32" names="y"><dim>2</dim></port></output></layer>
      <layer id="2" name="r" type="Result" version="opset1"><input><port id="0" precision="FP32"><dim>2</dim></port></input></layer>
      </layers><edges><edge from-layer="0" from-port="0" to-layer="1" to-port="0"/><edge from-layer="1" from-port="1" to-layer="2" to-port="0"/></edges></net>
      """;

  /** GOOD with one edge into a layer that does not exist: the pre-check refuses it, in its own words. */
  private static final String BAD = GOOD.replace("to-layer=\"2\"", "to-layer=\"7\"");

  @BeforeEach
  void open() throws Exception {
    EarlyPrecheck.reset();
    core = Core.create();
  }

  @AfterEach
  void close() {
    EarlyPrecheck.reset();
    core.close();
  }

  private Path write(String name, String text) throws Exception {
    Path xml = dir.resolve(name);
    Files.writeString(xml, text);
    return xml;
  }

  /** The message of the check made in readModel itself, with no early start. */
  private String messageWithoutEarlyStart(Path xml) {
    EarlyPrecheck.reset();
    return assertThrows(OpenVinoException.class, () -> core.readModel(xml).close()).getMessage();
  }

  /** Starts the early check of {@code xml} and waits until it (and any earlier one) has ended. */
  private static void startAndFinish(Path xml) throws Exception {
    EarlyPrecheck.start(xml.toString());
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("ov2onnx-precheck")) {
        assertTrue(t.isDaemon(), "the early check's thread must not keep the JVM alive");
        t.join(60_000);
      }
    }
  }

  @Test
  void aRefusalIsTheSameErrorAsTheCheckInReadModel() throws Exception {
    Path xml = write("bad.xml", BAD);
    String expected = messageWithoutEarlyStart(xml);
    assertTrue(expected.contains("names a layer that does not exist") && expected.contains(xml.toString()), expected);

    EarlyPrecheck.start(xml.toString()); // readModel waits for it
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> core.readModel(xml).close());
    assertEquals(expected, e.getMessage());
    assertEquals(OpenVinoException.Kind.READ, e.kind());

    // the same file named another way (relative, with a detour): the same file, its name as given
    Path other = dir.resolve("sub").resolve("..").resolve("bad.xml");
    Files.createDirectories(dir.resolve("sub"));
    startAndFinish(xml);
    OpenVinoException again = assertThrows(OpenVinoException.class, () -> core.readModel(other).close());
    assertEquals(messageWithoutEarlyStart(other), again.getMessage());
  }

  @Test
  void aFileReplacedAfterTheEarlyCheckIsCheckedAgain() throws Exception {
    Path xml = write("model.xml", GOOD);
    String badMessage;
    Path bad = write("bad.xml", BAD);
    badMessage = messageWithoutEarlyStart(bad).replace(bad.toString(), xml.toString());

    // passed early, then replaced by a file the check refuses: the pass is not used
    startAndFinish(xml);
    Files.move(bad, xml, StandardCopyOption.REPLACE_EXISTING);
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> core.readModel(xml).close());
    assertEquals(badMessage, e.getMessage());

    // refused early, then replaced by a good file: the refusal is not used either
    startAndFinish(xml);
    Path good = write("good.xml", GOOD);
    Files.move(good, xml, StandardCopyOption.REPLACE_EXISTING);
    core.readModel(xml).close();

    // replaced while the early check may still run: whichever file it saw, the new one is refused
    Files.writeString(xml, GOOD);
    EarlyPrecheck.start(xml.toString());
    Files.move(write("bad2.xml", BAD), xml, StandardCopyOption.REPLACE_EXISTING);
    e = assertThrows(OpenVinoException.class, () -> core.readModel(xml).close());
    assertEquals(badMessage, e.getMessage());

    // passed early, then rewritten in place with as many bytes (another modification time)
    Files.writeString(xml, GOOD);
    startAndFinish(xml);
    FileTime checked = Files.getLastModifiedTime(xml);
    String sameLength = GOOD.replace("to-layer=\"2\"", "to-layer=\"9\"");
    Files.writeString(xml, sameLength);
    Files.setLastModifiedTime(xml, FileTime.fromMillis(checked.toMillis() + 1000));
    assertEquals(GOOD.length(), Files.size(xml));
    e = assertThrows(OpenVinoException.class, () -> core.readModel(xml).close());
    assertTrue(e.getMessage().contains("the edge 1:1 -> 9:0") && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void anEarlyCheckOfAnotherFileIsNotUsed() throws Exception {
    Path good = write("good.xml", GOOD);
    Path bad = write("bad.xml", BAD);
    String expected = messageWithoutEarlyStart(bad);
    startAndFinish(good);
    assertEquals(expected, assertThrows(OpenVinoException.class, () -> core.readModel(bad).close()).getMessage());
    EarlyPrecheck.start(bad.toString());
    core.readModel(good).close(); // does not wait for, nor take, the check of bad.xml
  }

  @Test
  void aLibraryUserIsCheckedWithoutAnEarlyStart() throws Exception {
    Path bad = write("bad.xml", BAD);
    EarlyPrecheck.reset();
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> core.readModel(bad).close());
    assertTrue(e.getMessage().contains("the edge 1:1 -> 7:0 in the main graph names a layer that does not exist"),
        e.getMessage());
  }

  @Test
  void missingAndNonXmlFilesAreReadAsWithoutAnEarlyStart() throws Exception {
    Path missing = dir.resolve("missing.xml");
    String expected = messageWithoutEarlyStart(missing);
    startAndFinish(missing);
    assertEquals(expected, assertThrows(OpenVinoException.class, () -> core.readModel(missing).close()).getMessage());

    Path notXml = Path.of("src/test/resources/fixtures/attrs_basic.bin").toAbsolutePath(); // weights as the model
    String unreadable = messageWithoutEarlyStart(notXml);
    startAndFinish(notXml);
    assertEquals(unreadable, assertThrows(OpenVinoException.class, () -> core.readModel(notXml).close()).getMessage());

    EarlyPrecheck.start("\0not a path");
    core.readModel(write("good.xml", GOOD)).close();
  }
}
