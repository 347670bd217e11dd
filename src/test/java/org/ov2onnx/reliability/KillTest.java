package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL, SIGTERM and SIGINT at random moments during the conversion of an IR with 192 MiB of
 * weights, made here: afterwards no temporary file and no partial output is left; an output is
 * either the old one or the complete new one; with external data, never an old model beside new
 * data. SIGTERM and SIGINT end with exit 143/130 and one {@code error:} line (a SIGINT may be
 * ignored when the test runs in a background job: the conversion then simply completes).
 */
class KillTest {
  static final long ELEMENTS = 48L << 20; // 192 MiB of f32

  @TempDir Path dir;

  static void writeIr(Path xml) throws IOException {
    long bytes = ELEMENTS * 4;
    String ir = """
        <?xml version="1.0"?>
        <net name="big" version="11"><layers>
        <layer id="0" name="x" type="Parameter" version="opset1"><data shape="N" element_type="f32"/><output><port id="0" precision="FP32" names="x"><dim>N</dim></port></output></layer>
        <layer id="1" name="w" type="Const" version="opset1"><data element_type="f32" shape="N" offset="0" size="B"/><output><port id="0" precision="FP32"><dim>N</dim></port></output></layer>
        <layer id="2" name="y" type="Add" version="opset1"><input><port id="0" precision="FP32"><dim>N</dim></port><port id="1" precision="FP32"><dim>N</dim></port></input><output><port id="2" precision="FP32" names="y"><dim>N</dim></port></output></layer>
        <layer id="3" name="r" type="Result" version="opset1"><input><port id="0" precision="FP32"><dim>N</dim></port></input></layer>
        </layers><edges><edge from-layer="0" from-port="0" to-layer="2" to-port="0"/><edge from-layer="1" from-port="0" to-layer="2" to-port="1"/><edge from-layer="2" from-port="2" to-layer="3" to-port="0"/></edges></net>
        """.replace("N", Long.toString(ELEMENTS)).replace("B", Long.toString(bytes));
    Files.writeString(xml, ir, StandardCharsets.UTF_8);
    ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; chunk.remaining() >= 4; i++) {
      chunk.putFloat(i * 0.5f);
    }
    try (FileChannel c = FileChannel.open(xml.resolveSibling("big.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (long written = 0; written < bytes; written += 1 << 20) {
        chunk.clear();
        c.write(chunk);
      }
    }
  }

  private Process convert(Path xml, Path out, boolean external) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", ForkedCli.absoluteClassPath(),
        "org.ov2onnx.cli.Main", "convert", xml.toString(), "-o", out.toString(),
        "--external-data", external ? "always" : "never");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    return pb.start();
  }

  @Test
  void killsLeaveNothingBehind() throws Exception {
    Path xml = dir.resolve("big.xml");
    writeIr(xml);
    Path reference = Files.createDirectory(dir.resolve("reference"));
    long t0 = System.nanoTime();
    Process full = convert(xml, reference.resolve("out.onnx"), true);
    assertTrue(full.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, full.exitValue(), Files.readString(dir.resolve("stderr.txt")));
    long fullMillis = (System.nanoTime() - t0) / 1_000_000;
    long refModel = Files.size(reference.resolve("out.onnx"));
    long refData = Files.size(reference.resolve("out.onnx.data"));
    Process inline = convert(xml, reference.resolve("inline.onnx"), false);
    assertTrue(inline.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, inline.exitValue(), Files.readString(dir.resolve("stderr.txt")));
    long refInline = Files.size(reference.resolve("inline.onnx"));

    long seed = System.nanoTime();
    System.out.println("KillTest: seed " + seed + ", a full conversion took " + fullMillis + " ms");
    Random random = new Random(seed);
    String[] signals = {"KILL", "TERM", "INT"};
    for (int trial = 0; trial < 9; trial++) {
      String signal = signals[trial % 3];
      boolean external = trial % 2 == 0;
      Path outDir = Files.createDirectory(dir.resolve("trial" + trial));
      Path out = outDir.resolve("out.onnx");
      byte[] oldModel = "old model".getBytes(StandardCharsets.UTF_8);
      byte[] oldData = "old data".getBytes(StandardCharsets.UTF_8);
      Files.write(out, oldModel);
      Files.write(outDir.resolve("out.onnx.data"), oldData);
      Process p = convert(xml, out, external);
      long delay = (long) (random.nextDouble() * fullMillis * 1.1);
      Thread.sleep(delay);
      new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ended after SIG" + signal);
      int exit = p.exitValue();
      String what = "trial " + trial + ": SIG" + signal + " after " + delay + " ms, exit " + exit + (external ? ", external data" : "");
      try (Stream<Path> files = Files.list(outDir)) {
        List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
        assertTrue(names.stream().allMatch(n -> n.equals("out.onnx") || n.equals("out.onnx.data")), what + ": left " + names);
      }
      boolean modelIsOld = Files.exists(out) && Files.size(out) == oldModel.length;
      if (Files.exists(out) && !modelIsOld) {
        assertEquals(external ? refModel : refInline, Files.size(out), what + ": a complete new model");
        if (external) {
          assertEquals(refData, Files.size(outDir.resolve("out.onnx.data")), what + ": the new model's data beside it");
        }
      }
      if (modelIsOld && external) {
        assertArrayEquals(oldData, Files.readAllBytes(outDir.resolve("out.onnx.data")), what + ": an old model beside new data");
      }
      if (exit == 143 || exit == 130) {
        // nothing is printed by a JVM stopped before the CLI started (then there was nothing to clean)
        String err = Files.readString(dir.resolve("stderr.txt")).strip();
        assertTrue(err.isEmpty() || err.startsWith("error: interrupted"), what + ": " + err);
        assertFalse(err.contains("\n"), what + ": one line: " + err);
      }
      if (signal.equals("KILL")) {
        assertTrue(exit == 137 || exit == 0, what);
      }
      System.out.println("KillTest: " + what);
      try (Stream<Path> files = Files.list(outDir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
  }
}
