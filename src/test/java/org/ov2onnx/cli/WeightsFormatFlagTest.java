package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** {@code --weights-format} on the command line: each value, its help text, and a bad value. */
class WeightsFormatFlagTest {
  @TempDir Path dir;

  /** x [1, 8] · Wᵀ, W [4, 8] in i8 with a per-row scale (Convert → Multiply), no NNCF marker. */
  private Path int8Model() throws Exception {
    IrBuilder ir = new IrBuilder("int8w");
    String x = ir.parameter("x", ElementType.F32, "1,8");
    ByteBuffer q = ByteBuffer.allocate(32);
    for (int i = 0; i < 32; i++) {
      q.put(i, (byte) (i * 7 - 100));
    }
    String w = ir.op("Convert", 1, Map.of("destination_type", "f32"), ir.constant("w", ElementType.I8, new long[] {4, 8}, q));
    w = ir.op("Multiply", 1, Map.of("auto_broadcast", "numpy"), w,
        ir.constant("scale", ElementType.F32, new long[] {4, 1}, 0.5, 0.25, 0.125, 0.0625));
    ir.result(ir.op("MatMul", 1, Map.of("transpose_a", "false", "transpose_b", "true"), x, w));
    return ir.write(dir);
  }

  private List<String> convert(Path xml, String... flags) throws Exception {
    Path out = dir.resolve("int8w.onnx");
    Files.deleteIfExists(out);
    String[] args = new String[3 + flags.length];
    args[0] = "convert";
    args[1] = xml.toString();
    args[2] = "-o" + out;
    System.arraycopy(flags, 0, args, 3, flags.length);
    CliTest r = CliTest.run(args);
    assertEquals(0, r.exitCode(), r.err());
    return ModelProto.parseFrom(Files.readAllBytes(out)).getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
  }

  @Test
  void eachValueChoosesTheForm() throws Exception {
    Path xml = int8Model();
    List<String> auto = convert(xml);
    assertFalse(auto.contains("DequantizeLinear"), "auto, no NNCF marker: " + auto);
    assertTrue(auto.contains("Cast") && auto.contains("Mul"), "auto, no NNCF marker: " + auto);
    assertEquals(auto, convert(xml, "--weights-format", "cast"));
    assertEquals(auto, convert(xml, "--weights-format", "CAST"));
    List<String> dq = convert(xml, "--weights-format", "dq");
    assertTrue(dq.contains("DequantizeLinear") && !dq.contains("Mul"), "dq: " + dq);
    assertEquals(dq, convert(xml, "--weights-format", "matmulnbits"), "8-bit weights under matmulnbits are DequantizeLinear");
    List<String> flt = convert(xml, "--weights-format", "float");
    assertFalse(flt.contains("DequantizeLinear") || flt.contains("Mul"), "float: " + flt);
  }

  @Test
  void badValueIsAUsageErrorNamingTheValues() throws Exception {
    Path out = dir.resolve("bad.onnx");
    CliTest.run("convert", int8Model().toString(), "-o", out.toString(), "--weights-format", "inline")
        .assertOneLineError(ExitCodes.USAGE, "--weights-format", "cast", "'inline'");
    assertFalse(Files.exists(out));
  }

  @Test
  void helpDescribesCast() {
    CliTest r = CliTest.run("convert", "--help");
    assertTrue(r.out().contains("--weights-format"), r.out());
    assertTrue(r.out().replaceAll("\\s+", " ").contains("cast (8-bit ones as Cast"), r.out());
  }
}
