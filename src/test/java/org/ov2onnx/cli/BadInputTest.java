package org.ov2onnx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear line naming the problem, exit code 4, no crash, no hang. */
class BadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.xml");
    CliTest.run("info", missing.toString()).assertOneLineError(ExitCodes.UNREADABLE, "not found", missing.toString());
  }

  @Test
  void missingWeightsFile() {
    Path missing = dir.resolve("nope.bin");
    CliTest.run("info", CliTest.fixture("attrs_basic.xml").toString(), "-w", missing.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "weights file not found", missing.toString());
  }

  @Test
  void garbageXml() throws IOException {
    Path xml = dir.resolve("garbage.xml");
    Files.writeString(xml, "<?xml version=\"1.0\"?>\n<net name=\"x\" version=\"11\"><layers><layer id=\"0\" ");
    CliTest.run("info", xml.toString()).assertOneLineError(ExitCodes.UNREADABLE, xml.toString());
  }

  @Test
  void truncatedXml() throws IOException {
    byte[] whole = Files.readAllBytes(CliTest.fixture("attrs_basic.xml"));
    Path xml = dir.resolve("attrs_basic.xml");
    Files.write(xml, Arrays.copyOf(whole, whole.length / 2));
    Files.copy(CliTest.fixture("attrs_basic.bin"), dir.resolve("attrs_basic.bin"));
    CliTest.run("info", xml.toString()).assertOneLineError(ExitCodes.UNREADABLE, xml.toString());
  }

  @Test
  void binShorterThanTheOffsetsInTheXml() throws IOException {
    byte[] whole = Files.readAllBytes(CliTest.fixture("constants.bin"));
    Path bin = dir.resolve("short.bin");
    Files.write(bin, Arrays.copyOf(whole, 100));
    CliTest.run("info", CliTest.fixture("constants.xml").toString(), "-w", bin.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "constants.xml", "weights");
  }

  @Test
  void fileOfTheWrongFormat() throws IOException {
    Path onnx = dir.resolve("model.onnx");
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Files.write(onnx, junk);
    CliTest.run("info", onnx.toString()).assertOneLineError(ExitCodes.UNREADABLE, onnx.toString());
    // an IR weights file given as the model
    CliTest.run("info", CliTest.fixture("attrs_basic.bin").toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "attrs_basic.bin");
  }

  @Test
  void weightsFileThatDoesNotBelongToTheXml() {
    Path other = CliTest.fixture("constants.bin");
    CliTest.run("info", CliTest.fixture("compressed_fp16.xml").toString(), "-w", other.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "does not belong", other.toString());
  }

  @Test
  void unknownDevice() {
    CliTest.run("info", CliTest.fixture("dtypes_f32.xml").toString(), "--device", "NPU7")
        .assertOneLineError(ExitCodes.UNREADABLE, "NPU7");
  }

  @Test
  void directoryInsteadOfAModel() {
    CliTest.run("info", dir.toString()).assertOneLineError(ExitCodes.UNREADABLE, dir.toString());
  }
}
