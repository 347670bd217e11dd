package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

class ConvertCommandTest {
  @TempDir Path dir;

  Path convertible() throws Exception {
    IrBuilder ir = new IrBuilder("cast");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f16"), x));
    return ir.write(dir);
  }

  Path unsupported() throws Exception {
    IrBuilder ir = new IrBuilder("unsupported");
    String x = ir.parameter("x", ElementType.STRING, "8");
    ir.op("StringTensorUnpack", 15, Map.of(), 3, x).forEach(ir::result);
    return ir.write(dir);
  }

  @Test
  void convertsAndSummarizes() throws Exception {
    Path out = dir.resolve("out.onnx");
    CliTest r = CliTest.run("convert", convertible().toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.size(out) > 0);
    assertTrue(r.out().contains("Converted"), r.out());
    CliTest json = CliTest.run("convert", convertible().toString(), "-o", out.toString(), "--json", "--opset", "21");
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"opset\": 21"), json.out());
    assertTrue(json.out().contains("\"Convert-1\": 1"), json.out());
  }

  @Test
  void unsupportedOperationsExitWith3AndWriteNothing() throws Exception {
    Path out = dir.resolve("no.onnx");
    CliTest r = CliTest.run("convert", unsupported().toString(), "-o", out.toString());
    r.assertOneLineError(ExitCodes.UNSUPPORTED, "StringTensorUnpack-15 x1", "--allow-custom-ops");
    assertFalse(Files.exists(out));
    CliTest json = CliTest.run("convert", unsupported().toString(), "-o", out.toString(), "--json");
    assertEquals(ExitCodes.UNSUPPORTED, json.exitCode());
    assertTrue(json.out().contains("\"type\": \"StringTensorUnpack\""), json.out());
    CliTest custom = CliTest.run("convert", unsupported().toString(), "-o", out.toString(), "--allow-custom-ops");
    assertEquals(0, custom.exitCode(), custom.err());
    assertTrue(custom.out().contains("custom op"), custom.out());
  }

  @Test
  void usageErrorsExitWith2() throws Exception {
    Path xml = convertible();
    Path out = dir.resolve("u.onnx");
    CliTest.run("convert", xml.toString(), "-o", out.toString(), "--opset", "99").assertOneLineError(ExitCodes.USAGE, "--opset 99");
    CliTest.run("convert", xml.toString(), "-o", out.toString(), "--external-data", "sometimes").assertOneLineError(ExitCodes.USAGE, "--external-data");
    CliTest.run("convert", xml.toString(), "-o", out.toString(), "--input", "x[1,").assertOneLineError(ExitCodes.USAGE, "--input");
    CliTest.run("convert", xml.toString(), "-o", out.toString(), "--input", "y[1,3]").assertOneLineError(ExitCodes.USAGE, "'y'", "inputs: x");
    assertEquals(ExitCodes.USAGE, CliTest.run("convert", xml.toString()).exitCode());
    assertFalse(Files.exists(out));
  }

  @Test
  void unreadableModelExitsWith4() {
    CliTest.run("convert", dir.resolve("missing.xml").toString(), "-o", dir.resolve("m.onnx").toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "missing.xml");
  }

  @Test
  void refusesToOverwriteTheInput() throws Exception {
    Path xml = convertible();
    CliTest.run("convert", xml.toString(), "-o", xml.toString()).assertOneLineError(ExitCodes.UNREADABLE, "overwrite");
    CliTest.run("to-ir", xml.toString(), "-o", xml.toString()).assertOneLineError(ExitCodes.USAGE, "overwrite");
  }

  @Test
  void toIrSavesWithOpenVinosSaveModel() throws Exception {
    Path out = dir.resolve("sub/again.xml");
    CliTest r = CliTest.run("to-ir", convertible().toString(), "-o", out.toString(), "--compress-to-fp16");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(out));
    assertTrue(Files.exists(dir.resolve("sub/again.bin")));
    CliTest onnxIn = CliTest.run("to-ir", Path.of("src/test/resources/formats/relu_add.onnx").toAbsolutePath().toString(), "-o", dir.resolve("fromonnx.xml").toString());
    assertEquals(0, onnxIn.exitCode(), onnxIn.err());
  }

  @Test
  void opsListsTheRegistry() {
    CliTest r = CliTest.run("ops");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("Convert-1"), r.out());
    assertTrue(r.out().contains("[provider]"), "the test provider's ErfInv: " + r.out());
  }
}
