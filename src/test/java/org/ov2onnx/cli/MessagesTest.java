package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** Messages that say what to do: the flag that lifts a refusal, and paths that are not files. */
class MessagesTest {
  @TempDir Path dir;

  @Test
  void aTypeThatNeedsANewerOpsetNamesTheFlag() throws Exception {
    IrBuilder ir = new IrBuilder("nibbles");
    String x = ir.parameter("x", ElementType.I4, "4");
    ir.result(ir.namedOp("widen", "Convert", 1, Map.of("destination_type", "i8"), 1, x).get(0));
    Path xml = ir.write(dir);
    CliTest r = CliTest.run("convert", xml.toString(), "-o", dir.resolve("out.onnx").toString());
    r.assertOneLineError(ExitCodes.UNSUPPORTED, "element type i4 needs `--opset 21`");
    assertFalse(Files.exists(dir.resolve("out.onnx")));
    // and the flag does lift it
    CliTest ok = CliTest.run("convert", xml.toString(), "-o", dir.resolve("out.onnx").toString(), "--opset", "21", "--verify");
    assertTrue(ok.exitCode() == 0, ok.out() + ok.err());
  }

  @Test
  void anOnnxPathThatIsADirectoryOrAFifoIsNotCalledMissing() throws Exception {
    Path xml = Path.of("samples/sample-cnn.xml");
    Path folder = Files.createDirectory(dir.resolve("model.onnx"));
    CliTest.run("verify", xml.toString(), folder.toString()).assertOneLineError(ExitCodes.UNREADABLE, "is a directory");
    Path fifo = dir.resolve("fifo.onnx");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
    CliTest r = CliTest.run("verify", xml.toString(), fifo.toString());
    r.assertOneLineError(ExitCodes.UNREADABLE, "FIFO", "not a regular file");
    assertFalse(r.err().contains("not found"), r.err());
    CliTest.run("verify", xml.toString(), dir.resolve("missing.onnx").toString()).assertOneLineError(ExitCodes.UNREADABLE, "not found");
  }

  @Test
  void inputDataThatIsAFifoDoesNotHang() throws Exception {
    Path out = dir.resolve("sample.onnx");
    Path xml = Path.of("samples/sample-cnn.xml");
    CliTest.run("convert", xml.toString(), "-o", out.toString());
    Path fifo = dir.resolve("inputs.npz");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
    CliTest.run("verify", xml.toString(), out.toString(), "--input-data", fifo.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "--input-data", "FIFO", "not a regular file");
  }
}
