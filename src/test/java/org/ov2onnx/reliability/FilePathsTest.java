package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.cli.Main;

/**
 * Outputs only to regular files, inputs only from regular files (or a model folder): devices,
 * FIFOs and directories are refused at once with exit 4 and left untouched; a model of unknown
 * rank asks for the {@code --input} to give.
 */
class FilePathsTest {
  static final Path SAMPLE = Path.of("samples/sample-cnn.xml").toAbsolutePath();

  @TempDir Path dir;

  record Run(int code, String err) {}

  static Run cli(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    return new Run(code, err.toString().strip());
  }

  static void assertRefused(Run r, String... fragments) {
    assertEquals(4, r.code(), r.err());
    assertTrue(r.err().startsWith("error: ") && !r.err().contains("\n"), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), f + " missing from " + r.err());
    }
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    return p;
  }

  /** A character device equal to /dev/null (made with mknod; the tests run as root here and in CI). */
  private Path device(String name) throws Exception {
    Path p = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mknod", "-m", "666", p.toString(), "c", "1", "3").start().waitFor(), "mknod");
    return p;
  }

  private static boolean isDevice(Path p) throws Exception {
    return Files.readAttributes(p, PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther();
  }

  @Test
  void devicesFifosAndDirectoriesAreNeverOutputs() throws Exception {
    Path dev = device("dev");
    Path fifo = fifo("fifo");
    Path folder = Files.createDirectory(dir.resolve("folder.onnx"));
    for (Path bad : new Path[] {dev, fifo, folder}) {
      assertRefused(cli("convert", SAMPLE.toString(), "-o", bad.toString()), "--output", bad.toString());
      Path out = dir.resolve("ok.onnx");
      assertRefused(cli("convert", SAMPLE.toString(), "-o", out.toString(), "--verify", "--report", bad.toString()), "--report");
      assertRefused(cli("convert", SAMPLE.toString(), "-o", out.toString(), "--verify", "--markdown", bad.toString()), "--markdown");
      assertTrue(!Files.exists(out), "nothing converted when an output is refused");
    }
    Path xml = dir.resolve("ir.xml");
    Files.createSymbolicLink(dir.resolve("ir.bin"), dev);
    assertRefused(cli("to-ir", SAMPLE.toString(), "-o", xml.toString()), "ir.bin");
    assertTrue(isDevice(dev) && Files.isDirectory(folder), "left untouched");
    assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class).isOther());
  }

  @Test
  void fifosAndDevicesAreRefusedAsInputsAtOnce() throws Exception {
    Path fifo = fifo("model.xml");
    assertRefused(cli("info", fifo.toString()), fifo.toString(), "FIFO");
    assertRefused(cli("info", SAMPLE.toString(), "-w", device("w.bin").toString()), "w.bin");
    assertRefused(cli("info", SAMPLE.toString(), "-w", dir.toString()), "is a directory", dir.toString());
  }

  @Test
  void unknownRankAsksForTheInputToGive() throws Exception {
    Path fixture = Path.of("src/test/resources/fixtures/dynamic_shapes.xml").toAbsolutePath();
    Path out = dir.resolve("dyn.onnx");
    assertRefused(cli("convert", fixture.toString(), "-o", out.toString()), "--input y[");
    assertTrue(!Files.exists(out));
    Run ok = cli("convert", fixture.toString(), "-o", out.toString(), "--input", "y[?,?]");
    assertEquals(0, ok.code(), ok.err());
    assertEquals(null, org.ov2onnx.testing.OnnxChecker.check(out));
  }

  /** Where unnamed files are not available, the hidden temp files go too: on success and on failure. */
  @Test
  void theTempFileFallbackLeavesNothingBehind() throws Exception {
    System.setProperty("ov2onnx.noUnnamedFiles", "true");
    try {
      Path out = dir.resolve("out.onnx");
      Run ok = cli("convert", SAMPLE.toString(), "-o", out.toString(), "--external-data", "always");
      assertEquals(0, ok.code(), ok.err());
      Path fixture = Path.of("src/test/resources/fixtures/dynamic_shapes.xml").toAbsolutePath();
      assertRefused(cli("convert", fixture.toString(), "-o", dir.resolve("dyn.onnx").toString()), "--input");
      try (var files = Files.list(dir)) {
        assertEquals(java.util.List.of("out.onnx", "out.onnx.data"),
            files.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertEquals(null, org.ov2onnx.testing.OnnxChecker.check(out));
    } finally {
      System.clearProperty("ov2onnx.noUnnamedFiles");
    }
  }
}
